package io.leadline.core.integrationlink;

import io.leadline.platform.wire.ListQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class IntegrationLinkRepository implements PanacheRepositoryBase<IntegrationLink, String> {

    public Uni<IntegrationLink> findInOrganization(String organizationId, String id) {
        return find("id = :id and organizationId = :org", Parameters.with("id", id).and("org", organizationId))
                .firstResult();
    }

    /** One page plus one extra row, so the caller can tell exactly whether more pages follow. */
    public Uni<List<IntegrationLink>> pageWithOneMore(String organizationId, ListQuery query) {
        Map<String, Object> parameters = new HashMap<>(query.hqlParameters());
        parameters.put("org", organizationId);
        return find("organizationId = :org" + query.hqlConditions() + query.hqlOrderBy(), parameters)
                .range(query.skip(), query.skip() + query.limit())
                .list();
    }
}
