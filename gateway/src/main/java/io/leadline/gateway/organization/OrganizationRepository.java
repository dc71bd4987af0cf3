package io.leadline.gateway.organization;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class OrganizationRepository implements PanacheRepositoryBase<Organization, String> {

    public Uni<List<Organization>> findByIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("id in ?1 order by dateCreated, id", ids);
    }
}
