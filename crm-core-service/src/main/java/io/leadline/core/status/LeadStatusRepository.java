package io.leadline.core.status;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;

@ApplicationScoped
public class LeadStatusRepository implements PanacheRepositoryBase<LeadStatus, String> {

    /** The organization's statuses in their configured order; the first is the default for new leads. */
    public Uni<List<LeadStatus>> listOrdered(String organizationId) {
        return list("organizationId = :org order by position, id", Parameters.with("org", organizationId));
    }

    /**
     * The status, row-locked: a lead inserted concurrently holds a key-share lock on it through the foreign key, so
     * a delete that locks first and then counts its leads cannot miss one.
     */
    public Uni<LeadStatus> findForChange(String organizationId, String id) {
        return find("id = :id and organizationId = :org", Parameters.with("id", id).and("org", organizationId))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    public Uni<Long> countLeadsWith(String organizationId, String statusId) {
        return getSession().chain(session -> session
                .createSelectionQuery("select count(*) from Lead where organizationId = :org and statusId = :status",
                        Long.class)
                .setParameter("org", organizationId)
                .setParameter("status", statusId)
                .getSingleResult());
    }
}
