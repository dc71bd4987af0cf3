package io.leadline.gateway.me;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.gateway.membership.MembershipRepository;
import io.leadline.gateway.organization.OrganizationRepository;
import io.leadline.gateway.principal.Principal;
import io.leadline.gateway.user.UserRepository;
import io.leadline.platform.wire.CloseException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ApplicationScoped
public class MeService {

    @Inject
    UserRepository users;

    @Inject
    MembershipRepository memberships;

    @Inject
    OrganizationRepository organizations;

    @WithSession
    public Uni<ObjectNode> me(Principal principal) {
        return users.findById(principal.userId())
                .onItem().ifNull().failWith(CloseException::notFound)
                .chain(user -> memberships.listByUser(user.id).chain(userMemberships -> organizations
                        .findByIds(userMemberships.stream().map(membership -> membership.organizationId).toList())
                        .map(userOrganizations -> MeJson.me(user, userOrganizations, userMemberships))));
    }

}
