package io.leadline.gateway.operator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.gateway.apikey.ApiKey;
import io.leadline.gateway.apikey.ApiKeyRepository;
import io.leadline.gateway.apikey.ApiKeySecrets;
import io.leadline.gateway.membership.Membership;
import io.leadline.gateway.membership.MembershipJson;
import io.leadline.gateway.membership.MembershipRepository;
import io.leadline.gateway.organization.Organization;
import io.leadline.gateway.organization.OrganizationJson;
import io.leadline.gateway.organization.OrganizationRepository;
import io.leadline.gateway.user.User;
import io.leadline.gateway.user.UserRepository;
import io.leadline.platform.events.DomainEvent;
import io.leadline.platform.id.Ids;
import io.leadline.platform.outbox.Outbox;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.CloseDateTimes;
import io.leadline.platform.wire.CloseException;
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
    ApiKeyRepository apiKeys;

    @Inject
    Outbox outbox;

    @WithTransaction
    public Uni<Bootstrapped> create(NewOrganization request, String requestId) {
        Instant now = CloseDateTimes.now();
        return users.findByEmail(request.email())
                .chain(existing -> existing != null ? Uni.createFrom().item(existing) : users.persist(newUser(request, now)))
                .chain(user -> {
                    Organization organization = newOrganization(request, now);
                    Membership membership = newMembership(organization, user, now);
                    ApiKeySecrets.NewKey key = ApiKeySecrets.generate();
                    Caller caller = new Caller(organization.id, user.id, user.displayName(), null, Membership.ADMIN,
                            requestId, "POST", PATH, 0);
                    return organizations.persist(organization)
                            .chain(() -> memberships.persist(membership))
                            .chain(() -> apiKeys.persist(newApiKey(key, membership, now)))
                            .chain(() -> outbox.appendAll(events(caller, organization, membership, user)))
                            .map(ignored -> new Bootstrapped(organization, user, membership, key.fullKey()));
                });
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

    private static List<DomainEvent> events(Caller caller, Organization organization, Membership membership, User user) {
        ObjectNode memberData = MembershipJson.withUserFlattened(membership, user);
        return List.of(
                DomainEvent.created(caller, "organization", organization.id, null, OrganizationJson.summary(organization)),
                DomainEvent.of(caller, "membership", membership.id, "activated", null, List.of(), null, memberData));
    }

    private static User newUser(NewOrganization request, Instant now) {
        User user = new User();
        user.id = Ids.longId("user");
        user.email = request.email();
        user.firstName = request.firstName();
        user.lastName = request.lastName();
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

    private static Membership newMembership(Organization organization, User user, Instant now) {
        Membership membership = new Membership();
        membership.id = Ids.longId("memb");
        membership.organizationId = organization.id;
        membership.userId = user.id;
        membership.roleId = Membership.ADMIN;
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
