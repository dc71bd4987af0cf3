package io.leadline.gateway.organization;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.gateway.membership.DeactivatedMembershipRepository;
import io.leadline.gateway.membership.MembershipRepository;
import io.leadline.gateway.principal.Principal;
import io.leadline.gateway.user.User;
import io.leadline.gateway.user.UserRepository;
import io.leadline.platform.events.DomainEvent;
import io.leadline.platform.outbox.Outbox;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.CloseDateTimes;
import io.leadline.platform.wire.CloseException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

@ApplicationScoped
public class OrganizationService {

    @Inject
    OrganizationRepository organizations;

    @Inject
    MembershipRepository memberships;

    @Inject
    DeactivatedMembershipRepository deactivated;

    @Inject
    UserRepository users;

    @Inject
    CrmConfiguration crmConfiguration;

    @Inject
    Outbox outbox;

    /**
     * Changes the caller's organization's name, currency or lead status order (in crm-core, which owns the statuses):
     * admins only. Answers nothing; the caller then reads the details.
     */
    public Uni<Void> update(Principal principal, String organizationId, OrganizationUpdate update, String requestId) {
        if (!principal.organizationId().equals(organizationId)) {
            return Uni.createFrom().failure(CloseException.notFound());
        }
        if (!principal.isAdmin()) {
            return Uni.createFrom().failure(CloseException.forbidden("Only admins can change the organization."));
        }
        // crm-core first: its refusal of the order (the only check left) then leaves the name and currency unchanged
        Uni<Void> reordered = update.leadStatusIds() == null ? Uni.createFrom().voidItem()
                : crmConfiguration.reorderLeadStatuses(principal, update.leadStatusIds(), requestId);
        return reordered.chain(() -> update.name() == null && update.currency() == null ? Uni.createFrom().voidItem()
                : Panache.withTransaction(() -> rename(principal, organizationId, update, requestId)));
    }

    private Uni<Void> rename(Principal principal, String organizationId, OrganizationUpdate update, String requestId) {
        return organizations.findById(organizationId)
                .onItem().ifNull().failWith(CloseException::notFound)
                .chain(organization -> {
                    ObjectNode before = OrganizationJson.summary(organization);
                    if (update.name() != null) {
                        organization.name = update.name();
                    }
                    if (update.currency() != null) {
                        organization.currency = update.currency();
                    }
                    organization.dateUpdated = CloseDateTimes.now();
                    Caller caller = new Caller(organizationId, principal.userId(), principal.userName(),
                            principal.apiKeyId(), principal.role(), principal.permissions(), requestId, "PUT",
                            "/api/v1/organization/" + organizationId + "/", 0);
                    return outbox.append(DomainEvent.updated(caller, "organization", organizationId, null, before,
                            OrganizationJson.summary(organization)));
                });
    }

    /** The caller's own organization; any other id, existing or not, is a 404 so ids leak nothing. */
    @WithSession
    public Uni<ObjectNode> details(Principal principal, String organizationId, String requestId) {
        if (!principal.organizationId().equals(organizationId)) {
            return Uni.createFrom().failure(CloseException.notFound());
        }
        return organizations.findById(organizationId)
                .onItem().ifNull().failWith(CloseException::notFound)
                .chain(organization -> memberships.listByOrganization(organization.id)
                        .chain(active -> deactivated.listByOrganization(organization.id).chain(inactive -> users
                                .findByIds(Stream.concat(active.stream(), inactive.stream())
                                        .map(membership -> membership.userId).toList())
                                .map(found -> {
                                    Map<String, User> byId = found.stream()
                                            .collect(Collectors.toMap(user -> user.id, Function.identity()));
                                    return OrganizationJson.details(organization, active, inactive, byId);
                                }))))
                .chain(details -> crmConfiguration.of(principal, requestId).map(configuration -> {
                    details.set("lead_statuses", configuration.get("lead_statuses"));
                    details.set("pipelines", configuration.get("pipelines"));
                    return details;
                }));
    }
}
