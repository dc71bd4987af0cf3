package io.leadline.gateway.group;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class GroupRepository implements PanacheRepositoryBase<UserGroup, String> {

    public Uni<List<UserGroup>> listByOrganization(String organizationId) {
        return list("organizationId = ?1 order by lower(name), id", organizationId);
    }

    /** The organization's group with this id; null for a missing one and for another organization's alike. */
    public Uni<UserGroup> find(String organizationId, String id) {
        return find("organizationId = ?1 and id = ?2", organizationId, id).firstResult();
    }

    public Uni<Boolean> nameTaken(String organizationId, String name, String exceptId) {
        return count("organizationId = ?1 and lower(name) = lower(?2) and id <> ?3", organizationId, name,
                exceptId == null ? "" : exceptId).map(count -> count > 0);
    }
}
