package io.leadline.core.customobject;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class CustomObjectRepository implements PanacheRepositoryBase<CustomObject, String> {

    public Uni<CustomObject> findInOrganization(String organizationId, String id) {
        return find("id = :id and organizationId = :org", Parameters.with("id", id).and("org", organizationId))
                .firstResult();
    }

    /** A lead's objects, oldest first (what a deletion or a merge of the lead takes along). */
    public Uni<List<CustomObject>> allOfLead(String organizationId, String leadId) {
        return list("organizationId = ?1 and leadId = ?2 order by id", organizationId, leadId);
    }

    public Uni<Long> deleteOfLead(String organizationId, String leadId) {
        return delete("organizationId = ?1 and leadId = ?2", organizationId, leadId);
    }

    public Uni<Long> countOfType(String organizationId, String typeId) {
        return count("organizationId = ?1 and customObjectTypeId = ?2", organizationId, typeId);
    }
}
