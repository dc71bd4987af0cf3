package io.leadline.core.customobject;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class CustomObjectTypeRepository implements PanacheRepositoryBase<CustomObjectType, String> {

    /**
     * The organization's type, its row locked until the transaction ends: shared by a write of one of its objects,
     * exclusive by the type's deletion, so a type is never deleted under an object being written (a 400, not an
     * FK error).
     */
    public Uni<CustomObjectType> findLocked(String organizationId, String id, LockModeType lock) {
        return find("id = :id and organizationId = :org", Parameters.with("id", id).and("org", organizationId))
                .withLock(lock).firstResult();
    }
}
