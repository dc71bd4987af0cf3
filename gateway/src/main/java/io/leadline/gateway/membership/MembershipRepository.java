package io.leadline.gateway.membership;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class MembershipRepository implements PanacheRepositoryBase<Membership, String> {

    public Uni<List<Membership>> listByUser(String userId) {
        return list("userId = ?1 order by dateCreated, id", userId);
    }

    public Uni<List<Membership>> listByOrganization(String organizationId) {
        return list("organizationId = ?1 order by dateCreated, id", organizationId);
    }

    /** The organization's active memberships among {@code ids}; others' and unknown ids are left out. */
    public Uni<List<Membership>> inOrganization(String organizationId, List<String> ids) {
        return list("organizationId = ?1 and id in ?2 order by dateCreated, id", organizationId, ids);
    }

    public Uni<Membership> find(String organizationId, String userId) {
        return find("organizationId = ?1 and userId = ?2", organizationId, userId).firstResult();
    }

    /** The organization's first admin, whom operator actions (e.g. re-provisioning) act as. */
    public Uni<Membership> firstAdmin(String organizationId) {
        return find("organizationId = ?1 and roleId = ?2 order by dateCreated, id", organizationId, Membership.ADMIN)
                .firstResult();
    }
}
