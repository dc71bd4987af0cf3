package io.leadline.gateway.operator;

import io.leadline.gateway.apikey.ApiKey;
import io.leadline.gateway.apikey.ApiKeyRepository;
import io.leadline.gateway.apikey.ApiKeySecrets;
import io.leadline.gateway.membership.Membership;
import io.leadline.gateway.membership.MembershipRepository;
import io.leadline.gateway.membership.MembershipService;
import io.leadline.gateway.organization.Organization;
import io.leadline.gateway.organization.OrganizationJson;
import io.leadline.gateway.organization.OrganizationRepository;
import io.leadline.gateway.principal.Principal;
import io.leadline.gateway.user.User;
import io.leadline.gateway.user.UserRepository;
import io.leadline.platform.events.DomainEvent;
import io.leadline.platform.id.Ids;
import io.leadline.platform.outbox.Outbox;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.CloseDateTimes;
import io.leadline.platform.wire.CloseException;
import io.leadline.platform.wire.ValidationException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;

/**
 * Creates an organization with its first admin and API key in one transaction, together with the events that
 * announce them, so a half-created tenant can never exist.
 */
@ApplicationScoped
public class OrganizationBootstrap {

    static final String PATH = "/admin/v1/organizations";

    /** What was created; {@code apiKey} is the full key, which exists only in this answer. */
    public record Bootstrapped(Organization organization, User user, Membership membership, String apiKey) {
    }

    @Inject
    OrganizationRepository organizations;

    @Inject
    UserRepository users;

    @Inject
    MembershipRepository memberships;

    @Inject
    MembershipService membershipChanges;

    @Inject
    ApiKeyRepository apiKeys;

    @Inject
    Outbox outbox;

    @WithTransaction
    public Uni<Bootstrapped> create(NewOrganization request, String requestId) {
        Instant now = CloseDateTimes.now();
        return userFor(request.admin(), now).chain(user -> {
            Organization organization = newOrganization(request, now);
            Membership membership = newMembership(organization.id, user, Membership.ADMIN, now);
            ApiKeySecrets.NewKey key = ApiKeySecrets.generate();
            Caller caller = new Caller(organization.id, user.id, user.displayName(), null, Membership.ADMIN,
                    requestId, "POST", PATH, 0);
            return organizations.persist(organization)
                    .chain(() -> memberships.persist(membership))
                    .chain(() -> apiKeys.persist(newApiKey(key, membership, now)))
                    .chain(() -> outbox.appendAll(List.of(
                            DomainEvent.created(caller, "organization", organization.id, null,
                                    OrganizationJson.summary(organization)),
                            MembershipService.activated(caller, membership, user))))
                    .map(ignored -> new Bootstrapped(organization, user, membership, key.fullKey()));
        });
    }

    /**
     * Adds a person (new, or known by email from another organization) to an organization with a role and an API
     * key of their own; a person already a member is a 400.
     */
    @WithTransaction
    public Uni<Bootstrapped> addMember(String organizationId, NewMember request, String requestId) {
        Caller caller = new Caller(organizationId, null, null, null, Membership.ADMIN, requestId,
                "POST", PATH + "/" + organizationId + "/memberships", 0);
        return join(organizationId, request, caller, true);
    }

    /**
     * Close's {@code POST /membership/}: an admin of the caller's organization adds a person (no API key is made;
     * they sign in or get one from the operator). The event names the inviting user.
     */
    @WithTransaction
    public Uni<Bootstrapped> invite(Principal inviter, NewMember request, String requestId) {
        Caller caller = new Caller(inviter.organizationId(), inviter.userId(), inviter.userName(),
                inviter.apiKeyId(), inviter.role(), inviter.permissions(), requestId, "POST", "/api/v1/membership/", 0);
        return join(inviter.organizationId(), request, caller, false);
    }

    private Uni<Bootstrapped> join(String organizationId, NewMember request, Caller caller, boolean withKey) {
        Instant now = CloseDateTimes.now();
        return organizations.findById(organizationId)
                .onItem().ifNull().failWith(CloseException::notFound)
                .chain(organization -> userFor(request.user(), now).chain(user -> memberships.find(organizationId, user.id)
                        .chain(existing -> {
                            if (existing != null) {
                                return Uni.createFrom().failure(ValidationException.field(
                                        withKey ? "user.email" : "email",
                                        "This person is already a member of the organization."));
                            }
                            // Close's POST /membership/ "ensures an active membership": a deactivated one comes back
                            return membershipChanges.reactivate(caller, organizationId, user.id, request.roleId())
                                    .chain(reactivated -> reactivated != null ? Uni.createFrom().item(reactivated)
                                            : added(caller, organizationId, user, request.roleId(), now))
                                    .chain(membership -> {
                                        ApiKeySecrets.NewKey key = withKey ? ApiKeySecrets.generate() : null;
                                        Uni<?> keyStored = key == null ? Uni.createFrom().voidItem()
                                                : apiKeys.persist(newApiKey(key, membership, now));
                                        return keyStored.map(ignored -> new Bootstrapped(organization, user, membership,
                                                key == null ? null : key.fullKey()));
                                    });
                        })));
    }

    private Uni<Membership> added(Caller caller, String organizationId, User user, String roleId, Instant now) {
        Membership membership = newMembership(organizationId, user, roleId, now);
        return memberships.persist(membership)
                .chain(() -> outbox.append(MembershipService.activated(caller, membership, user)))
                .replaceWith(membership);
    }

    private Uni<User> userFor(NewUser person, Instant now) {
        return users.findByEmail(person.email())
                .chain(existing -> existing != null ? Uni.createFrom().item(existing) : users.persist(newUser(person, now)));
    }

    /** An existing organization and the admin that operator actions on it act as. */
    @WithSession
    public Uni<Bootstrapped> existing(String organizationId) {
        return organizations.findById(organizationId)
                .onItem().ifNull().failWith(CloseException::notFound)
                .chain(organization -> memberships.firstAdmin(organization.id)
                        .onItem().ifNull().failWith(CloseException::notFound)
                        .chain(membership -> users.findById(membership.userId)
                                .map(user -> new Bootstrapped(organization, user, membership, null))));
    }

    private static User newUser(NewUser person, Instant now) {
        User user = new User();
        user.id = Ids.longId("user");
        user.email = person.email();
        user.firstName = person.firstName();
        user.lastName = person.lastName();
        user.dateCreated = now;
        user.dateUpdated = now;
        return user;
    }

    private static Organization newOrganization(NewOrganization request, Instant now) {
        Organization organization = new Organization();
        organization.id = Ids.longId("orga");
        organization.name = request.name();
        organization.currency = Organization.DEFAULT_CURRENCY;
        organization.dateCreated = now;
        organization.dateUpdated = now;
        return organization;
    }

    private static Membership newMembership(String organizationId, User user, String roleId, Instant now) {
        Membership membership = new Membership();
        membership.id = Ids.longId("memb");
        membership.organizationId = organizationId;
        membership.userId = user.id;
        membership.roleId = roleId;
        membership.dateCreated = now;
        membership.dateUpdated = now;
        return membership;
    }

    private static ApiKey newApiKey(ApiKeySecrets.NewKey key, Membership membership, Instant now) {
        ApiKey apiKey = new ApiKey();
        apiKey.id = key.id();
        apiKey.organizationId = membership.organizationId;
        apiKey.userId = membership.userId;
        apiKey.keyHash = ApiKeySecrets.hash(key.fullKey());
        apiKey.dateCreated = now;
        return apiKey;
    }
}
