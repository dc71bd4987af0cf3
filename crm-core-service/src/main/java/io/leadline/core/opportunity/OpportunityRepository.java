package io.leadline.core.opportunity;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class OpportunityRepository implements PanacheRepositoryBase<Opportunity, String> {

    /**
     * The rows a list or GET reads: the opportunity with its status, pipeline, lead and contact names, joined so that
     * renames show up at once (writes need the entity; reads go through {@link OpportunityReads}).
     */
    private static final String FROM = " from Opportunity o"
            + " left join OpportunityStatus s on s.id = o.statusId and s.organizationId = o.organizationId"
            + " left join Pipeline p on p.id = s.pipelineId and p.organizationId = o.organizationId"
            + " left join Lead l on l.id = o.leadId and l.organizationId = o.organizationId"
            + " left join Contact c on c.id = o.contactId and c.organizationId = o.organizationId"
            + " where o.organizationId = :org";
    /** Its selection matches {@link OpportunityView}'s components, so Hibernate builds the views itself. */
    private static final String VIEW = "select o, s.label, s.type, s.pipelineId, p.name, l.name, c.name" + FROM;

    public Uni<OpportunityView> findView(String organizationId, String id) {
        return getSession().chain(session -> session.createSelectionQuery(VIEW + " and o.id = :id", OpportunityView.class)
                .setParameter("org", organizationId)
                .setParameter("id", id)
                .getSingleResultOrNull());
    }

    public Uni<List<OpportunityView>> viewsOfLead(String organizationId, String leadId) {
        return getSession().chain(session -> session
                .createSelectionQuery(VIEW + " and o.leadId = :lead order by o.id", OpportunityView.class)
                .setParameter("org", organizationId)
                .setParameter("lead", leadId)
                .getResultList());
    }

    public Uni<Long> deleteOfLead(String organizationId, String leadId) {
        return delete("organizationId = :org and leadId = :lead", Parameters.with("org", organizationId).and("lead", leadId));
    }
}
