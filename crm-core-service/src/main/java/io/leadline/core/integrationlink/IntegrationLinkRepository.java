package io.leadline.core.integrationlink;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;


@ApplicationScoped
public class IntegrationLinkRepository implements PanacheRepositoryBase<IntegrationLink, String> {

    public Uni<IntegrationLink> findInOrganization(String organizationId, String id) {
        return find("id = :id and organizationId = :org", Parameters.with("id", id).and("org", organizationId))
                .firstResult();
    }
}
