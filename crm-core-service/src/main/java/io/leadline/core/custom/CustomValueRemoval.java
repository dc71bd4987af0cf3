package io.leadline.core.custom;

import io.leadline.platform.outbox.Outbox;
import io.leadline.platform.security.Caller;
import io.quarkus.arc.All;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Removes a field's values from the objects holding them once the field (or a shared field's association) is gone:
 * {@value #BATCH} objects per transaction, each changed object with its {@code updated} event in the outbox of that
 * transaction, table after table, until none holds a value. Runs after the definition's own transaction, so no
 * write can set a value of the field any more.
 */
@ApplicationScoped
public class CustomValueRemoval {

    static final int BATCH = 200;

    @Inject
    @All
    List<CustomValueHolder> holders;

    @Inject
    CustomFieldRepository fields;

    @Inject
    Outbox outbox;

    /** From every object of the tables ({@code customObjectTypeId}: only that type's custom objects, else null). */
    public Uni<Void> removeAll(Caller caller, String fieldId, List<String> tables, String customObjectTypeId) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (CustomValueHolder holder : holders) {
            if (tables.contains(holder.table())) {
                all = all.chain(() -> drain(caller, holder, fieldId, customObjectTypeId));
            }
        }
        return all;
    }

    private Uni<Void> drain(Caller caller, CustomValueHolder holder, String fieldId, String customObjectTypeId) {
        return Panache.withTransaction(() -> fields.lockHolders(caller.organizationId(), holder.table(), fieldId,
                                customObjectTypeId, BATCH)
                        .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(0)
                                : holder.removeValue(caller, fieldId, ids).chain(outbox::appendAll).replaceWith(ids.size())))
                .chain(count -> count < BATCH ? Uni.createFrom().voidItem()
                        : drain(caller, holder, fieldId, customObjectTypeId));
    }
}
