package io.leadline.core.pipeline;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class PipelineRepository implements PanacheRepositoryBase<Pipeline, String> {

    public Uni<List<Pipeline>> listOrdered(String organizationId) {
        return list("organizationId = :org order by position, id", Parameters.with("org", organizationId));
    }
}
