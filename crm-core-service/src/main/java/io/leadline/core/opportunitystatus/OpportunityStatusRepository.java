package io.leadline.core.opportunitystatus;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;

@ApplicationScoped
public class OpportunityStatusRepository implements PanacheRepositoryBase<OpportunityStatus, String> {

    /** Every opportunity status of the organization, grouped by pipeline in their configured order. */
    public Uni<List<OpportunityStatus>> listOrdered(String organizationId) {
        return list("organizationId = :org order by pipelineId, position, id", Parameters.with("org", organizationId));
    }

    /**
     * The status, row-locked: an opportunity inserted concurrently holds a key-share lock on it through the foreign
     * key, so a delete that locks first and then counts the opportunities cannot miss one.
     */
    public Uni<OpportunityStatus> findForChange(String organizationId, String id) {
        return find("id = :id and organizationId = :org", Parameters.with("id", id).and("org", organizationId))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    /** Native, because the opportunity aggregate (and its entity) belongs to another package. */
    public Uni<Long> countOpportunitiesWith(String organizationId, String statusId) {
        return getSession().chain(session -> session
                .createNativeQuery("select count(*) from opportunity where organization_id = :org and status_id = :status",
                        Long.class)
                .setParameter("org", organizationId)
                .setParameter("status", statusId)
                .getSingleResult());
    }

    /**
     * The pipeline's id, its row locked so a status can't be created in a pipeline that is being deleted. Native,
     * because pipelines (which list and arrange their statuses) belong to the pipeline package, which imports this one.
     */
    public Uni<String> lockPipeline(String organizationId, String pipelineId) {
        return pipelineId("select id from pipeline where organization_id = :org and id = :id for update",
                organizationId, pipelineId);
    }

    /** The organization's first pipeline by position, or null when it has none. */
    public Uni<String> firstPipeline(String organizationId) {
        return pipelineId("select id from pipeline where organization_id = :org order by position, id limit 1",
                organizationId, null);
    }

    private Uni<String> pipelineId(String sql, String organizationId, String pipelineId) {
        return getSession().chain(session -> {
            var query = session.createNativeQuery(sql, String.class).setParameter("org", organizationId);
            return (pipelineId == null ? query : query.setParameter("id", pipelineId)).getSingleResultOrNull();
        });
    }
}
