package io.leadline.core.lead;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;


@ApplicationScoped
public class LeadRepository implements PanacheRepositoryBase<Lead, String> {

    private static final String WITH_STATUS_LABEL = "select l, s.label from Lead l"
            + " left join LeadStatus s on s.id = l.statusId and s.organizationId = l.organizationId"
            + " where l.id = :id and l.organizationId = :org";

    /** The lead and its status label in one round trip: the single-lead GET is the hottest path of the API. */
    public Uni<LeadWithLabel> findWithStatusLabel(String organizationId, String id) {
        return getSession().chain(session -> session.createSelectionQuery(WITH_STATUS_LABEL, LeadWithLabel.class)
                .setParameter("id", id)
                .setParameter("org", organizationId)
                .getSingleResultOrNull());
    }

    public Uni<Lead> findInOrganization(String organizationId, String id) {
        return find("id = :id and organizationId = :org", Parameters.with("id", id).and("org", organizationId))
                .firstResult();
    }

    /**
     * Locks the leads' rows until the transaction ends, so two requests changing one lead's contacts take turns and
     * each records a {@code lead.updated} that includes the other's change. Sorted, so two moves can't deadlock.
     */
    public Uni<Void> lockInOrder(String organizationId, Collection<String> leadIds) {
        List<String> sorted = leadIds.stream().distinct().sorted().toList();
        return getSession().chain(session -> session.createNativeQuery(
                        "select id from lead where organization_id = :org and id in (:ids) order by id for update",
                        String.class)
                .setParameter("org", organizationId)
                .setParameter("ids", sorted)
                .getResultList())
                .replaceWithVoid();
    }

    /** A row of {@link #WITH_STATUS_LABEL}, built by Hibernate from the selection's items in order. */
    public record LeadWithLabel(Lead lead, String statusLabel) {
    }
}
