package io.leadline.core.contact;

import io.leadline.platform.wire.ListQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class ContactRepository implements PanacheRepositoryBase<Contact, String> {

    public Uni<Contact> findInOrganization(String organizationId, String id) {
        return find("id = :id and organizationId = :org", Parameters.with("id", id).and("org", organizationId))
                .firstResult();
    }

    /** The contacts of several leads in one query, in creation order, so a page of leads costs no extra round trips. */
    public Uni<List<Contact>> listOfLeads(String organizationId, Collection<String> leadIds) {
        if (leadIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("organizationId = :org and leadId in (:leads) order by id",
                Parameters.with("org", organizationId).and("leads", leadIds));
    }

    public Uni<List<Contact>> listOfLead(String organizationId, String leadId) {
        return list("organizationId = :org and leadId = :lead order by id",
                Parameters.with("org", organizationId).and("lead", leadId));
    }

    /**
     * Locks the leads' rows until the transaction ends, so two requests changing one lead's contacts take turns and
     * each records a {@code lead.updated} that includes the other's change. Sorted, so two moves can't deadlock.
     */
    public Uni<Void> lockLeads(String organizationId, Collection<String> leadIds) {
        List<String> sorted = leadIds.stream().distinct().sorted().toList();
        return getSession().chain(session -> session.createNativeQuery(
                        "select id from lead where organization_id = :org and id in (:ids) order by id for update",
                        String.class)
                .setParameter("org", organizationId)
                .setParameter("ids", sorted)
                .getResultList())
                .replaceWithVoid();
    }

    /** One page plus one extra row, so the caller can tell exactly whether more pages follow. */
    public Uni<List<Contact>> pageWithOneMore(String organizationId, ListQuery query) {
        Map<String, Object> parameters = new HashMap<>(query.hqlParameters());
        parameters.put("org", organizationId);
        return find("organizationId = :org" + query.hqlConditions() + query.hqlOrderBy(), parameters)
                .range(query.skip(), query.skip() + query.limit())
                .list();
    }
}
