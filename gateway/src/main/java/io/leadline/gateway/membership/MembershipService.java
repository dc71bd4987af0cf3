package io.leadline.gateway.membership;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.gateway.principal.Principal;
import io.leadline.gateway.principal.PrincipalChanged;
import io.leadline.gateway.role.RoleService;
import io.leadline.gateway.user.User;
import io.leadline.gateway.user.UserRepository;
import io.leadline.platform.events.DomainEvent;
import io.leadline.platform.outbox.Outbox;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.CloseDateTimes;
import io.leadline.platform.wire.CloseException;
import io.leadline.platform.wire.ValidationException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Changes to members' places in the organization: {@code PUT /membership/{id}/}, the bulk {@code PUT /membership/},
 * deactivation ({@code DELETE /membership/{id}/}) and reactivation. Admins only. Once committed, the gateway's cached
 * principals of the members concerned are dropped, so their very next request counts the change.
 */
@ApplicationScoped
public class MembershipService {

    static final String ADMINS_ONLY = "Only admins can change memberships.";

    @Inject
    MembershipRepository memberships;

    @Inject
    DeactivatedMembershipRepository deactivated;

    @Inject
    UserRepository users;

    @Inject
    RoleService roles;

    @Inject
    Outbox outbox;

    @Inject
    Event<PrincipalChanged> principalChanges;

    public Uni<ObjectNode> update(Principal principal, String id, JsonNode body, String requestId) {
        requireAdmin(principal);
        MembershipUpdate update = MembershipUpdate.read(body);
        return Panache.withTransaction(() -> memberships.inOrganization(principal.organizationId(), List.of(id))
                        .chain(found -> found.isEmpty() ? Uni.createFrom().failure(CloseException.notFound())
                                : apply(principal, found, update, requestId, "/api/v1/membership/" + id + "/")))
                .invoke(changed -> forget(principal, changed))
                .map(changed -> MembershipJson.toJson(changed.get(0)));
    }

    /**
     * Close's bulk update: the same change to every membership named by {@code id__in}, all or nothing. An id that is
     * not an active membership of the caller's organization makes the whole request a 404.
     */
    public Uni<ObjectNode> bulkUpdate(Principal principal, List<String> ids, JsonNode body, String requestId) {
        requireAdmin(principal);
        MembershipUpdate update = MembershipUpdate.read(body);
        List<String> distinct = List.copyOf(new LinkedHashSet<>(ids));
        return Panache.withTransaction(() -> memberships.inOrganization(principal.organizationId(), distinct)
                        .chain(found -> found.size() != distinct.size()
                                ? Uni.createFrom().failure(CloseException.notFound())
                                : apply(principal, found, update, requestId, "/api/v1/membership/")))
                .invoke(changed -> forget(principal, changed))
                .map(changed -> JsonNodeFactory.instance.objectNode());
    }

    /**
     * Deactivates a member (Close's {@code DELETE /membership/{id}/}): the membership moves to the deactivated ones,
     * the member's API keys in the organization are deleted and their OAuth grants there revoked, so nothing they
     * hold works again, even after a reactivation. The organization's last admin can't be deactivated.
     */
    public Uni<ObjectNode> deactivate(Principal principal, String id, String requestId) {
        requireAdmin(principal);
        String path = "/api/v1/membership/" + id + "/";
        return Panache.withTransaction(() -> memberships.inOrganization(principal.organizationId(), List.of(id))
                        .chain(found -> found.isEmpty() ? Uni.createFrom().failure(CloseException.notFound())
                                : keepsAnAdmin(principal.organizationId(), found, null).chain(keeps -> keeps
                                        ? Uni.createFrom().item(found.get(0))
                                        : Uni.createFrom().failure(new CloseException(400,
                                                "The organization's last admin can't be deactivated."))))
                        .chain(membership -> users.findById(membership.userId).chain(user -> {
                            Instant now = CloseDateTimes.now();
                            ObjectNode data = MembershipJson.withUserFlattened(membership, user);
                            return memberships.delete(membership)
                                    .chain(() -> memberships.flush())
                                    .chain(() -> deactivated.persist(DeactivatedMembership.of(membership, now)))
                                    .chain(() -> endCredentials(membership, now))
                                    .chain(() -> outbox.append(DomainEvent.of(principal.caller(requestId, "DELETE", path),
                                            "membership", membership.id, "deactivated", null, List.of(), null, data)))
                                    .replaceWith(membership);
                        })))
                .invoke(membership -> forget(principal, List.of(membership)))
                .map(membership -> JsonNodeFactory.instance.objectNode());
    }

    /**
     * Restores the person's deactivated membership in the organization with {@code roleId} and records
     * {@code membership.activated}; null when they have none. Runs inside the caller's transaction.
     */
    public Uni<Membership> reactivate(Caller caller, String organizationId, String userId, String roleId) {
        return deactivated.find(organizationId, userId).chain(previous -> {
            if (previous == null) {
                return Uni.createFrom().nullItem();
            }
            Membership membership = previous.reactivated(roleId, CloseDateTimes.now());
            return deactivated.delete(previous)
                    .chain(() -> deactivated.flush())
                    .chain(() -> memberships.persist(membership))
                    .chain(() -> users.findById(userId))
                    .chain(user -> outbox.append(activated(caller, membership, user)))
                    .replaceWith(membership);
        });
    }

    /** Who joined, with the person flattened in, so services learn an organization's users from events. */
    public static DomainEvent activated(Caller caller, Membership membership, User user) {
        ObjectNode memberData = MembershipJson.withUserFlattened(membership, user);
        return DomainEvent.of(caller, "membership", membership.id, "activated", null, List.of(), null, memberData);
    }

    private Uni<List<Membership>> apply(Principal principal, List<Membership> targets, MembershipUpdate update,
                                       String requestId, String path) {
        return checkRole(principal, targets, update).chain(() -> {
            List<DomainEvent> events = new ArrayList<>();
            Caller caller = principal.caller(requestId, "PUT", path);
            for (Membership membership : targets) {
                ObjectNode before = MembershipJson.toJson(membership);
                if (update.roleId() != null) {
                    membership.roleId = update.roleId();
                }
                if (update.autoRecordCalls() != null) {
                    membership.autoRecordCalls = update.autoRecordCalls();
                }
                membership.dateUpdated = CloseDateTimes.now();
                DomainEvent.updated(caller, "membership", membership.id, null, before, MembershipJson.toJson(membership))
                        .ifPresent(events::add);
            }
            return outbox.appendAll(events).replaceWith(targets);
        });
    }

    /** The new role must exist in the organization, and the organization must keep an admin. */
    private Uni<Void> checkRole(Principal principal, List<Membership> targets, MembershipUpdate update) {
        if (update.roleId() == null) {
            return Uni.createFrom().voidItem();
        }
        return roles.assignable(principal.organizationId(), update.roleId()).chain(assignable -> {
            if (!assignable) {
                return Uni.createFrom().failure(ValidationException.field("role_id",
                        "Unknown role: " + update.roleId() + "."));
            }
            return keepsAnAdmin(principal.organizationId(), targets, update.roleId()).chain(keeps -> keeps
                    ? Uni.createFrom().voidItem()
                    : Uni.createFrom().failure(ValidationException.field("role_id",
                            "The organization's last admin can't be given another role.")));
        });
    }

    /**
     * Whether the organization still has an admin once {@code targets} get the role {@code newRoleId} (null: once they
     * leave).
     */
    private Uni<Boolean> keepsAnAdmin(String organizationId, List<Membership> targets, String newRoleId) {
        long losing = Membership.ADMIN.equals(newRoleId) ? 0
                : targets.stream().filter(membership -> Membership.ADMIN.equals(membership.roleId)).count();
        if (losing == 0) {
            return Uni.createFrom().item(true);
        }
        return memberships.count("organizationId = ?1 and roleId = ?2", organizationId, Membership.ADMIN)
                .map(admins -> admins > losing);
    }

    /**
     * The member's credentials in this organization end: API keys deleted, OAuth grants (and so every token of theirs)
     * revoked. The lookups also join memberships, so they would fail anyway; this makes a reactivation start clean.
     */
    private Uni<Void> endCredentials(Membership membership, Instant now) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("delete from api_keys where organization_id = ?1 and user_id = ?2")
                .setParameter(1, membership.organizationId).setParameter(2, membership.userId).executeUpdate()
                .chain(() -> session.createNativeQuery("update oauth_grants set date_revoked = ?3 "
                                + "where organization_id = ?1 and user_id = ?2 and date_revoked is null")
                        .setParameter(1, membership.organizationId).setParameter(2, membership.userId)
                        .setParameter(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).executeUpdate()))
                .replaceWithVoid();
    }

    private void forget(Principal principal, List<Membership> changed) {
        changed.forEach(membership -> principalChanges.fire(new PrincipalChanged(principal.organizationId(),
                membership.userId)));
    }

    static void requireAdmin(Principal principal) {
        if (!principal.isAdmin()) {
            throw CloseException.forbidden(ADMINS_ONLY);
        }
    }
}
