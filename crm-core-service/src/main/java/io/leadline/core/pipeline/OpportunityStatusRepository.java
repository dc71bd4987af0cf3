package io.leadline.core.pipeline;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class OpportunityStatusRepository implements PanacheRepositoryBase<OpportunityStatus, String> {

    /** Every opportunity status of the organization, grouped by pipeline in their configured order. */
    public Uni<List<OpportunityStatus>> listOrdered(String organizationId) {
        return list("organizationId = :org order by pipelineId, position, id", Parameters.with("org", organizationId));
    }
}
