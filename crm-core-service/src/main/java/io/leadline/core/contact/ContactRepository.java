package io.leadline.core.contact;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class ContactRepository implements PanacheRepositoryBase<Contact, String> {

    public Uni<Contact> findInOrganization(String organizationId, String id) {
        return find("id = :id and organizationId = :org", Parameters.with("id", id).and("org", organizationId))
                .firstResult();
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
}
