package io.leadline.core.savedsearch;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class SavedSearchRepository implements PanacheRepositoryBase<SavedSearch, String> {

    /** The view when the user may see it: shared, or their own. */
    public Uni<SavedSearch> findVisible(String organizationId, String userId, String id) {
        return find("id = :id and organizationId = :org and (shared = true or userId = :user)",
                Parameters.with("id", id).and("org", organizationId).and("user", userId)).firstResult();
    }
}
