package io.leadline.core.status;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class LeadStatusRepository implements PanacheRepositoryBase<LeadStatus, String> {

    /** The organization's statuses in their configured order; the first is the default for new leads. */
    public Uni<List<LeadStatus>> listOrdered(String organizationId) {
        return list("organizationId = :org order by position, id", Parameters.with("org", organizationId));
    }
}
