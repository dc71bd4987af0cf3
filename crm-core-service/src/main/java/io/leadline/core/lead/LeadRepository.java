package io.leadline.core.lead;

import io.leadline.platform.wire.ListQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class LeadRepository implements PanacheRepositoryBase<Lead, String> {

    private static final String WITH_STATUS_LABEL = "select l, s.label from Lead l"
            + " left join LeadStatus s on s.id = l.statusId and s.organizationId = l.organizationId"
            + " where l.id = :id and l.organizationId = :org";

    /** The lead and its status label in one round trip: the single-lead GET is the hottest path of the API. */
    public Uni<LeadWithLabel> findWithStatusLabel(String organizationId, String id) {
        return getSession().chain(session -> session.createSelectionQuery(WITH_STATUS_LABEL, Object[].class)
                .setParameter("id", id)
                .setParameter("org", organizationId)
                .getSingleResultOrNull()
                .map(row -> row == null ? null : new LeadWithLabel((Lead) row[0], (String) row[1])));
    }

    public Uni<Lead> findInOrganization(String organizationId, String id) {
        return find("id = :id and organizationId = :org", Parameters.with("id", id).and("org", organizationId))
                .firstResult();
    }

    /** One page plus one extra row, so the caller can tell exactly whether more pages follow. */
    public Uni<List<Lead>> pageWithOneMore(String organizationId, ListQuery query) {
        Map<String, Object> parameters = new HashMap<>(query.hqlParameters());
        parameters.put("org", organizationId);
        return find("organizationId = :org" + query.hqlConditions() + query.hqlOrderBy(), parameters)
                .range(query.skip(), query.skip() + query.limit())
                .list();
    }

    public record LeadWithLabel(Lead lead, String statusLabel) {
    }
}
