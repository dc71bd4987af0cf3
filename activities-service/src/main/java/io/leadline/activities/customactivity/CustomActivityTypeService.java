package io.leadline.activities.customactivity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.events.DomainEvent;
import io.leadline.platform.id.Ids;
import io.leadline.platform.outbox.Outbox;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.CloseDateTimes;
import io.leadline.platform.wire.CloseException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;

/**
 * Custom activity types are the organization's configuration, so only admins change them (as in Close); each write
 * commits with its {@code custom_activity_type} event.
 */
@ApplicationScoped
public class CustomActivityTypeService {

    @Inject
    Outbox outbox;

    @WithTransaction
    public Uni<CustomActivityType> create(Caller caller, CustomActivityTypeInput input) {
        requireAdmin(caller);
        input.body.throwIfInvalid();
        Instant now = CloseDateTimes.now();
        CustomActivityType type = new CustomActivityType();
        type.id = Ids.shortId("actitype");
        type.organizationId = caller.organizationId();
        type.createdBy = caller.userId();
        type.dateCreated = now;
        type.touch(caller, now);
        type.name = input.name;
        type.description = input.description;
        type.apiCreateOnly = Boolean.TRUE.equals(input.apiCreateOnly);
        type.archived = Boolean.TRUE.equals(input.archived);
        if (input.editableWithRoles != null) {
            type.editableWithRoles = input.editableWithRoles.toString();
        }
        return Panache.getSession().chain(session -> session.persist(type))
                .chain(() -> outbox.append(DomainEvent.created(caller, CustomActivityType.OBJECT_TYPE, type.id, null,
                        type.toJson())))
                .replaceWith(type);
    }

    @WithTransaction
    public Uni<CustomActivityType> update(Caller caller, String id, CustomActivityTypeInput input) {
        requireAdmin(caller);
        input.body.throwIfInvalid();
        return find(caller, id).chain(type -> {
            ObjectNode before = type.toJson();
            if (input.name != null) {
                type.name = input.name;
            }
            if (input.hasDescription) {
                type.description = input.description;
            }
            if (input.apiCreateOnly != null) {
                type.apiCreateOnly = input.apiCreateOnly;
            }
            if (input.archived != null) {
                type.archived = input.archived;
            }
            if (input.body.has("editable_with_roles")) {
                type.editableWithRoles = input.editableWithRoles == null ? "[]" : input.editableWithRoles.toString();
            }
            type.touch(caller, CloseDateTimes.now());
            return outbox.append(DomainEvent.updated(caller, CustomActivityType.OBJECT_TYPE, type.id, null, before,
                    type.toJson())).replaceWith(type);
        });
    }

    @WithTransaction
    public Uni<Void> delete(Caller caller, String id) {
        requireAdmin(caller);
        return find(caller, id).chain(type -> Panache.getSession().chain(session -> session.remove(type))
                .chain(() -> outbox.append(DomainEvent.deleted(caller, CustomActivityType.OBJECT_TYPE, id, null,
                        type.toJson()))));
    }

    /** The organization's type; another organization's is a 404, as is an unknown id. */
    private static Uni<CustomActivityType> find(Caller caller, String id) {
        return Panache.getSession().chain(session -> session.find(CustomActivityType.class, id))
                .map(type -> {
                    if (type == null || !type.organizationId.equals(caller.organizationId())) {
                        throw CloseException.notFound();
                    }
                    return type;
                });
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw CloseException.forbidden("Only organization admins can change custom activity types.");
        }
    }
}
