package io.leadline.core.integrationlink;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.events.DomainEvent;
import io.leadline.platform.id.Ids;
import io.leadline.platform.outbox.Outbox;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.CloseDateTimes;
import io.leadline.platform.wire.CloseException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;

/** Integration links; writes are for admins only, as in Close, and each writes its event in the same transaction. */
@ApplicationScoped
public class IntegrationLinkService {

    static final String OBJECT_TYPE = "integration_link";

    @Inject
    IntegrationLinkRepository links;

    @Inject
    Outbox outbox;

    private Uni<IntegrationLink> get(Caller caller, String id) {
        return links.findInOrganization(caller.organizationId(), id).onItem().ifNull().failWith(CloseException::notFound);
    }

    @WithTransaction
    public Uni<IntegrationLink> create(Caller caller, IntegrationLinkInput input) {
        requireAdmin(caller);
        input.body.throwIfInvalid();
        Instant now = CloseDateTimes.now();
        IntegrationLink link = new IntegrationLink();
        link.id = Ids.longId("intlink");
        link.organizationId = caller.organizationId();
        link.name = input.name;
        link.url = input.url;
        link.type = input.type;
        link.recordCreation(caller, now);
        return links.persist(link)
                .chain(() -> outbox.append(DomainEvent.created(caller, OBJECT_TYPE, link.id, null,
                        IntegrationLinkJson.toJson(link))))
                .replaceWith(link);
    }

    @WithTransaction
    public Uni<IntegrationLink> update(Caller caller, String id, IntegrationLinkInput input) {
        requireAdmin(caller);
        input.body.throwIfInvalid();
        return get(caller, id).chain(link -> {
            ObjectNode before = IntegrationLinkJson.toJson(link);
            if (input.name != null) {
                link.name = input.name;
            }
            if (input.url != null) {
                link.url = input.url;
            }
            if (input.type != null) {
                link.type = input.type;
            }
            link.touch(caller, CloseDateTimes.now());
            return outbox.append(DomainEvent.updated(caller, OBJECT_TYPE, link.id, null, before,
                    IntegrationLinkJson.toJson(link))).replaceWith(link);
        });
    }

    @WithTransaction
    public Uni<Void> delete(Caller caller, String id) {
        requireAdmin(caller);
        return get(caller, id).chain(link -> links.delete(link)
                .chain(() -> outbox.append(DomainEvent.deleted(caller, OBJECT_TYPE, id, null,
                        IntegrationLinkJson.toJson(link)))));
    }

    /** Links are shown to the whole organization, so only admins may change them. */
    private static void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw CloseException.forbidden("Only organization admins can change integration links.");
        }
    }
}
