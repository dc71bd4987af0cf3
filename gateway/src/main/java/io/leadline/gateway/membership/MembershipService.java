package io.leadline.gateway.membership;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.gateway.principal.Principal;
import io.leadline.gateway.principal.PrincipalChanged;
import io.leadline.gateway.role.RoleService;
import io.leadline.platform.events.DomainEvent;
import io.leadline.platform.outbox.Outbox;
import io.leadline.platform.wire.CloseDateTimes;
import io.leadline.platform.wire.CloseException;
import io.leadline.platform.wire.ValidationException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/** Changes to a member's place in the organization: {@code PUT /membership/{id}/}. */
@ApplicationScoped
public class MembershipService {

    @Inject
    MembershipRepository memberships;

    @Inject
    RoleService roles;

    @Inject
    Outbox outbox;

    @Inject
    Event<PrincipalChanged> principalChanges;

    /**
     * Changes the member's role or call recording (admins only). Once committed, the gateway's cached principals of
     * that member are dropped, so their very next request carries the new role.
     */
    public Uni<ObjectNode> update(Principal principal, String id, JsonNode body, String requestId) {
        if (!principal.isAdmin()) {
            return Uni.createFrom().failure(CloseException.forbidden("Only admins can change memberships."));
        }
        MembershipUpdate update = MembershipUpdate.read(body);
        return Panache.withTransaction(() -> updateInTransaction(principal, id, update, requestId)).invoke(changed ->
                principalChanges.fire(new PrincipalChanged(principal.organizationId(), changed.get("user_id")
                        .asText())));
    }

    private Uni<ObjectNode> updateInTransaction(Principal principal, String id, MembershipUpdate update, String requestId) {
        return memberships.find("organizationId = ?1 and id = ?2", principal.organizationId(), id).firstResult()
                .onItem().ifNull().failWith(CloseException::notFound)
                .chain(membership -> checkRole(principal, membership, update).chain(() -> {
                    ObjectNode before = MembershipJson.toJson(membership);
                    if (update.roleId() != null) {
                        membership.roleId = update.roleId();
                    }
                    if (update.autoRecordCalls() != null) {
                        membership.autoRecordCalls = update.autoRecordCalls();
                    }
                    membership.dateUpdated = CloseDateTimes.now();
                    ObjectNode after = MembershipJson.toJson(membership);
                    return outbox.append(DomainEvent.updated(principal.caller(requestId, "PUT",
                            "/api/v1/membership/" + id + "/"), "membership", id, null, before, after))
                            .replaceWith(after);
                }));
    }

    /** The new role must exist in the organization, and the last admin can't give up the role. */
    private Uni<Void> checkRole(Principal principal, Membership membership, MembershipUpdate update) {
        if (update.roleId() == null || update.roleId().equals(membership.roleId)) {
            return Uni.createFrom().voidItem();
        }
        return roles.assignable(principal.organizationId(), update.roleId()).chain(assignable -> {
            if (!assignable) {
                return Uni.createFrom().failure(ValidationException.field("role_id", "Unknown role: " + update.roleId() + "."));
            }
            if (!Membership.ADMIN.equals(membership.roleId)) {
                return Uni.createFrom().voidItem();
            }
            return memberships.count("organizationId = ?1 and roleId = ?2", principal.organizationId(),
                    Membership.ADMIN).chain(admins -> admins > 1 ? Uni.createFrom().voidItem()
                    : Uni.createFrom().failure(ValidationException.field("role_id",
                            "The organization's last admin can't be given another role.")));
        });
    }
}
