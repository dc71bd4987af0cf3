package io.leadline.gateway.role;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class RoleRepository implements PanacheRepositoryBase<Role, String> {

    public Uni<List<Role>> listByOrganization(String organizationId) {
        return list("organizationId = ?1 order by dateCreated, id", organizationId);
    }

    /** The organization's role with this id; null for a missing one and for another organization's alike. */
    public Uni<Role> find(String organizationId, String id) {
        return find("organizationId = ?1 and id = ?2", organizationId, id).firstResult();
    }

    public Uni<Boolean> nameTaken(String organizationId, String name, String exceptId) {
        return count("organizationId = ?1 and lower(name) = lower(?2) and id <> ?3", organizationId, name,
                exceptId == null ? "" : exceptId).map(count -> count > 0);
    }

    /**
     * Whether a member holds the role. Asked in HQL by entity name rather than through the membership package, which
     * depends on this one (to check the role ids it is given).
     */
    public Uni<Boolean> inUse(String organizationId, String id) {
        return getSession().chain(session -> session
                .createSelectionQuery("select count(*) from Membership where organizationId = ?1 and roleId = ?2",
                        Long.class)
                .setParameter(1, organizationId).setParameter(2, id).getSingleResult())
                .map(count -> count > 0);
    }

    /** The users holding the role in the organization (by entity name, as {@link #inUse}). */
    public Uni<List<String>> holders(String organizationId, String id) {
        return getSession().chain(session -> session
                .createSelectionQuery("select userId from Membership where organizationId = ?1 and roleId = ?2",
                        String.class)
                .setParameter(1, organizationId).setParameter(2, id).getResultList());
    }
}
