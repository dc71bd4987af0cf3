package io.leadline.core.opportunity;

import io.leadline.platform.wire.ListQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class OpportunityRepository implements PanacheRepositoryBase<Opportunity, String> {

    /**
     * The rows a list or GET reads: the opportunity with its status, pipeline, lead and contact names, joined so that
     * renames show up at once. List filters use the aliases ({@code o}, {@code s}) of this clause.
     */
    static final String FROM = " from Opportunity o"
            + " left join OpportunityStatus s on s.id = o.statusId and s.organizationId = o.organizationId"
            + " left join Pipeline p on p.id = s.pipelineId and p.organizationId = o.organizationId"
            + " left join Lead l on l.id = o.leadId and l.organizationId = o.organizationId"
            + " left join Contact c on c.id = o.contactId and c.organizationId = o.organizationId"
            + " where o.organizationId = :org";
    private static final String VIEW = "select o, s.label, s.type, s.pipelineId, p.name, l.name, c.name" + FROM;

    /** Sums per value period: counts, values and confidence-weighted values, in this order. */
    private static final String TOTALS = String.join(", ",
            "count(o.id)",
            periodSum("1L"),
            "coalesce(" + periodCase(Opportunity.ONE_TIME, "o.value") + ", 0L)",
            "coalesce(" + periodCase(Opportunity.MONTHLY, "o.value") + ", 0L)",
            "coalesce(" + periodCase(Opportunity.ANNUAL, "o.value") + ", 0L)",
            "coalesce(" + periodCase(Opportunity.ONE_TIME, "o.value * o.confidence / 100") + ", 0L)",
            "coalesce(" + periodCase(Opportunity.MONTHLY, "o.value * o.confidence / 100") + ", 0L)",
            "coalesce(" + periodCase(Opportunity.ANNUAL, "o.value * o.confidence / 100") + ", 0L)");

    public Uni<OpportunityView> findView(String organizationId, String id) {
        return getSession().chain(session -> session.createSelectionQuery(VIEW + " and o.id = :id", Object[].class)
                .setParameter("org", organizationId)
                .setParameter("id", id)
                .getSingleResultOrNull()
                .map(row -> row == null ? null : view(row)));
    }

    public Uni<List<OpportunityView>> viewsOfLead(String organizationId, String leadId) {
        return getSession().chain(session -> session
                .createSelectionQuery(VIEW + " and o.leadId = :lead order by o.id", Object[].class)
                .setParameter("org", organizationId)
                .setParameter("lead", leadId)
                .getResultList()
                .map(rows -> rows.stream().map(OpportunityRepository::view).toList()));
    }

    /** The opportunities of several leads (a page of leads) in one query, oldest first. */
    public Uni<List<OpportunityView>> viewsOfLeads(String organizationId, Collection<String> leadIds) {
        return getSession().chain(session -> session
                .createSelectionQuery(VIEW + " and o.leadId in (:leads) order by o.id", Object[].class)
                .setParameter("org", organizationId)
                .setParameter("leads", leadIds)
                .getResultList()
                .map(rows -> rows.stream().map(OpportunityRepository::view).toList()));
    }

    /** One page plus one extra row; {@code groupOrder} (may be empty) sorts whole groups before the requested order. */
    public Uni<List<OpportunityView>> pageWithOneMore(String organizationId, ListQuery query, String groupOrder) {
        String hql = VIEW + query.hqlConditions() + orderBy(query, groupOrder);
        return getSession().chain(session -> bind(session.createSelectionQuery(hql, Object[].class), organizationId, query)
                .setFirstResult(query.skip())
                .setMaxResults(query.limit() + 1)
                .getResultList()
                .map(rows -> rows.stream().map(OpportunityRepository::view).toList()));
    }

    /**
     * The aggregates of every match (not just the page) in one query, per value of {@code groupKey} (an HQL
     * expression; the organization id when there is no grouping). Each row: key, user name, then {@link #TOTALS}.
     */
    public Uni<List<Object[]>> totals(String organizationId, ListQuery query, String groupKey) {
        String hql = "select " + groupKey + ", max(o.userName), " + TOTALS + FROM + query.hqlConditions()
                + " group by " + groupKey;
        return getSession().chain(session -> bind(session.createSelectionQuery(hql, Object[].class), organizationId, query)
                .getResultList());
    }

    public Uni<Long> deleteOfLead(String organizationId, String leadId) {
        return delete("organizationId = :org and leadId = :lead", Parameters.with("org", organizationId).and("lead", leadId));
    }

    private static Mutiny.SelectionQuery<Object[]> bind(Mutiny.SelectionQuery<Object[]> selection, String org,
                                                         ListQuery query) {
        Map<String, Object> parameters = new HashMap<>(query.hqlParameters());
        parameters.put("org", org);
        parameters.forEach(selection::setParameter);
        return selection;
    }

    /** The list order, after the groups' order when the list is grouped. */
    private static String orderBy(ListQuery query, String groupOrder) {
        String clauses = query.hqlOrderBy().substring(" order by ".length());
        return " order by " + (groupOrder.isEmpty() ? "" : groupOrder + ", ") + clauses;
    }

    private static String periodSum(String expression) {
        return "sum(case when o.valuePeriod = '" + Opportunity.ONE_TIME + "' then " + expression + " else 0L end), "
                + "sum(case when o.valuePeriod = '" + Opportunity.MONTHLY + "' then " + expression + " else 0L end), "
                + "sum(case when o.valuePeriod = '" + Opportunity.ANNUAL + "' then " + expression + " else 0L end)";
    }

    private static String periodCase(String period, String expression) {
        return "sum(case when o.valuePeriod = '" + period + "' then " + expression + " else 0L end)";
    }

    private static OpportunityView view(Object[] row) {
        return new OpportunityView((Opportunity) row[0], (String) row[1], (String) row[2], (String) row[3],
                (String) row[4], (String) row[5], (String) row[6]);
    }
}
