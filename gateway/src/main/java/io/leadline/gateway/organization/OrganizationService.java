package io.leadline.gateway.organization;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.gateway.membership.MembershipRepository;
import io.leadline.gateway.principal.Principal;
import io.leadline.gateway.user.User;
import io.leadline.gateway.user.UserRepository;
import io.leadline.platform.wire.CloseException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class OrganizationService {

    @Inject
    OrganizationRepository organizations;

    @Inject
    MembershipRepository memberships;

    @Inject
    UserRepository users;

    @Inject
    CrmConfiguration crmConfiguration;

    /** The caller's own organization; any other id, existing or not, is a 404 so ids leak nothing. */
    @WithSession
    public Uni<ObjectNode> details(Principal principal, String organizationId, String requestId) {
        if (!principal.organizationId().equals(organizationId)) {
            return Uni.createFrom().failure(CloseException.notFound());
        }
        return organizations.findById(organizationId)
                .onItem().ifNull().failWith(CloseException::notFound)
                .chain(organization -> memberships.listByOrganization(organization.id).chain(members -> users
                        .findByIds(members.stream().map(membership -> membership.userId).toList())
                        .map(found -> {
                            Map<String, User> byId = found.stream()
                                    .collect(Collectors.toMap(user -> user.id, Function.identity()));
                            return OrganizationJson.details(organization, members, byId);
                        })))
                .chain(details -> crmConfiguration.of(principal, requestId).map(configuration -> {
                    details.set("lead_statuses", configuration.get("lead_statuses"));
                    details.set("pipelines", configuration.get("pipelines"));
                    return details;
                }));
    }
}
