package io.leadline.gateway.membership;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class DeactivatedMembershipRepository implements PanacheRepositoryBase<DeactivatedMembership, String> {

    /** Close's {@code inactive_memberships}, shaped like active ones. */
    public Uni<List<Membership>> listByOrganization(String organizationId) {
        return list("organizationId = ?1 order by dateDeactivated, id", organizationId)
                .map(found -> found.stream().map(DeactivatedMembership::asMembership).toList());
    }

    Uni<DeactivatedMembership> find(String organizationId, String userId) {
        return find("organizationId = ?1 and userId = ?2", organizationId, userId).firstResult();
    }
}
