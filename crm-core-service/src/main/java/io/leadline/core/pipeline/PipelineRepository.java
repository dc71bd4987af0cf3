package io.leadline.core.pipeline;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;

@ApplicationScoped
public class PipelineRepository implements PanacheRepositoryBase<Pipeline, String> {

    public Uni<List<Pipeline>> listOrdered(String organizationId) {
        return list("organizationId = :org order by position, id", Parameters.with("org", organizationId));
    }

    /** Row-locked, so a status can't be created in (or moved into) a pipeline that is being deleted. */
    public Uni<Pipeline> findForChange(String organizationId, String id) {
        return find("id = :id and organizationId = :org", Parameters.with("id", id).and("org", organizationId))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }
}
