package io.leadline.core.custom;

import io.leadline.platform.events.DomainEvent;
import io.leadline.platform.security.Caller;
import io.quarkus.arc.All;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/**
 * A deleted custom object leaves the values naming it: the {@code custom_object} fields referencing its type hold ids
 * of objects of the same lead only, so its holders are the lead, its contacts, opportunities and other custom objects
 * — a handful of rows, changed in the deletion's own transaction (each with its {@code updated} event).
 */
@ApplicationScoped
public class CustomObjectReferences {

    @Inject
    @All
    List<CustomValueHolder> holders;

    @Inject
    CustomFieldRepository fields;

    /** Removes the object's id from every value naming it and answers the changed objects' events. */
    public Uni<List<DomainEvent>> removeAll(Caller caller, String leadId, String typeId, String objectId) {
        return fields.referencing(caller.organizationId(), typeId).chain(fieldIds -> {
            Uni<List<DomainEvent>> all = Uni.createFrom().item(new ArrayList<>());
            if (fieldIds.isEmpty()) {
                return all;
            }
            for (CustomValueHolder holder : holders) {
                all = all.chain(events -> fields.lockNaming(caller.organizationId(), holder.table(), leadId, objectId)
                        .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<DomainEvent>of())
                                : holder.rewrite(caller, ids, values -> CustomValueHolder.withoutItem(values, fieldIds,
                                objectId)))
                        .map(more -> {
                            events.addAll(more);
                            return events;
                        }));
            }
            return all;
        });
    }
}
