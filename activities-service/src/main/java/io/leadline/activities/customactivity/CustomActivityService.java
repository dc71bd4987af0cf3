package io.leadline.activities.customactivity;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.leadline.activities.activity.ActivityStore;
import io.leadline.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Writes of custom activities; each commits with its {@code activity.custom_activity} event. The values are checked
 * against the type's fields as projected from crm-core, in the write's transaction.
 */
@ApplicationScoped
public class CustomActivityService {

    @Inject
    ActivityStore store;

    @Inject
    CustomActivityFields fields;

    @WithTransaction
    public Uni<CustomActivity> create(Caller caller, CustomActivityInput input) {
        var body = input.base.body;
        if (input.typeId == null) {
            body.throwIfInvalid();
        }
        return Panache.getSession().chain(session -> session.find(CustomActivityType.class, input.typeId))
                .chain(type -> {
                    if (type == null || !type.organizationId.equals(caller.organizationId())) {
                        body.fail("custom_activity_type_id", "Unknown custom activity type.");
                        body.throwIfInvalid();
                    } else if (type.archived) {
                        body.fail("custom_activity_type_id", "This custom activity type is archived.");
                        body.throwIfInvalid();
                    }
                    type.requireEditableBy(caller);
                    String status = input.status == null ? CustomActivity.PUBLISHED : input.status;
                    return fields.of(caller.organizationId(), type.id).chain(definitions -> {
                        CustomActivity activity = new CustomActivity();
                        activity.customActivityTypeId = type.id;
                        activity.status = status;
                        activity.custom = CustomFieldValues.check(definitions, JsonNodeFactory.instance.objectNode(),
                                input.values, status, body).toString();
                        return store.create(caller, activity, input.base);
                    });
                });
    }

    /** The values are checked merged with the stored ones, so publishing a draft checks what it already holds. */
    @WithTransaction
    public Uni<CustomActivity> update(Caller caller, String id, CustomActivityInput input) {
        return store.find(caller, CustomActivity.class, id).call(current -> requireEditable(caller, current))
                .chain(current -> fields.of(caller.organizationId(), current.customActivityTypeId)
                .chain(definitions -> {
                    String status = input.status == null ? current.status : input.status;
                    String values = CustomFieldValues.check(definitions, current.values(), input.values, status,
                            input.base.body).toString();
                    return store.update(caller, CustomActivity.class, id, input.base, activity -> {
                        activity.status = status;
                        activity.custom = values;
                    });
                }));
    }

    @WithTransaction
    public Uni<Void> delete(Caller caller, String id) {
        return store.find(caller, CustomActivity.class, id).call(current -> requireEditable(caller, current))
                .chain(() -> store.delete(caller, CustomActivity.class, id));
    }

    /** The type's {@code editable_with_roles} rule for an existing activity (its type is never deleted under it). */
    private Uni<Void> requireEditable(Caller caller, CustomActivity activity) {
        return Panache.getSession().chain(session -> session.find(CustomActivityType.class,
                        activity.customActivityTypeId))
                .invoke(type -> {
                    if (type != null) {
                        type.requireEditableBy(caller);
                    }
                })
                .replaceWithVoid();
    }
}
