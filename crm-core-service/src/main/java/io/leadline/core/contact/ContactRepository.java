package io.leadline.core.contact;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

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

    public Uni<Long> deleteOfLead(String organizationId, String leadId) {
        return delete("organizationId = :org and leadId = :lead", Parameters.with("org", organizationId).and("lead", leadId));
    }
}
