package io.leadline.core.leadstatus;

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
     * Only the statuses a new lead's body can mean, so a create doesn't load the whole list: the one with the given id,
     * those whose label matches ignoring case, or the default (first) one. In list order, like
     * {@link #listOrdered}, so choosing among them gives the same answer as choosing among all.
     */
    public Uni<List<LeadStatus>> candidates(String organizationId, String statusId, String label) {
        if (statusId != null) {
            return list("organizationId = :org and id = :id", Parameters.with("org", organizationId).and("id", statusId));
        }
        if (label != null) {
            return list("organizationId = :org and lower(label) = lower(:label) order by position, id",
                    Parameters.with("org", organizationId).and("label", label));
        }
        return find("organizationId = :org order by position, id", Parameters.with("org", organizationId))
                .range(0, 0).list();
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
