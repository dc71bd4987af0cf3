package io.leadline.core.customobject;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.core.custom.CustomFieldValues;
import io.leadline.core.custom.CustomObjectReferences;
import io.leadline.core.lead.LeadRepository;
import io.leadline.platform.events.DomainEvent;
import io.leadline.platform.id.Ids;
import io.leadline.platform.outbox.Outbox;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.CloseDateTimes;
import io.leadline.platform.wire.CloseException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Custom objects: created on a lead, with the type's custom values (checked by the one validator of custom values,
 * required fields enforced); each write records its {@code custom_object.*} event (with the lead's id) in the same
 * transaction. Objects don't show in the lead's wire form, so they record no {@code lead.updated}.
 */
@ApplicationScoped
public class CustomObjectService {

    static final String OBJECT_TYPE = "custom_object";

    @Inject
    CustomObjectRepository objects;

    @Inject
    CustomObjectTypeRepository types;

    @Inject
    LeadRepository leads;

    @Inject
    CustomFieldValues customValues;

    @Inject
    Outbox outbox;

    @Inject
    CustomObjectReferences references;

    @WithTransaction
    public Uni<CustomObject> create(Caller caller, CustomObjectInput input) {
        if (input.typeId == null || input.leadId == null) {
            // Without both, the custom values can't be judged; the other errors are enough for one answer.
            input.body.throwIfInvalid();
        }
        String org = caller.organizationId();
        // The lead's row is locked so its deletion (or a merge) waits for this object instead of missing it.
        return leads.lockInOrder(org, List.of(input.leadId))
                .chain(() -> leads.findInOrganization(org, input.leadId))
                .chain(lead -> type(caller, input.typeId, input).invoke(type -> {
                    if (lead == null) {
                        input.body.fail(CustomObjectInput.LEAD_ID, "Unknown lead: " + input.leadId + ".");
                    }
                    input.body.throwIfInvalid();
                    requireEditor(caller, type);
                }))
                .chain(type -> customValues.applyToCustomObject(caller, type.id, input.leadId, Map.of(), input.custom,
                        input.body))
                .chain(custom -> {
                    CustomObject object = new CustomObject();
                    object.id = Ids.longId("custobj");
                    object.organizationId = org;
                    object.customObjectTypeId = input.typeId;
                    object.leadId = input.leadId;
                    object.name = input.name;
                    object.custom = new LinkedHashMap<>(custom);
                    object.recordCreation(caller, CloseDateTimes.now());
                    return objects.persist(object)
                            .chain(() -> outbox.append(DomainEvent.created(caller, OBJECT_TYPE, object.id, object.leadId,
                                    CustomObjectJson.toJson(object))))
                            .replaceWith(object);
                });
    }

    @WithTransaction
    public Uni<CustomObject> update(Caller caller, String id, CustomObjectInput input) {
        return get(caller, id).chain(object -> {
            input.keeps(object);
            return type(caller, object.customObjectTypeId, input).invoke(type -> {
                input.body.throwIfInvalid();
                requireEditor(caller, type);
            }).chain(type -> customValues.applyToCustomObject(caller, type.id, object.leadId, object.custom,
                    input.custom, input.body)).chain(custom -> {
                ObjectNode before = CustomObjectJson.toJson(object);
                if (input.name != null) {
                    object.name = input.name;
                }
                object.custom = new LinkedHashMap<>(custom);
                object.touch(caller, CloseDateTimes.now());
                return outbox.append(DomainEvent.updated(caller, OBJECT_TYPE, object.id, object.leadId, before,
                        CustomObjectJson.toJson(object))).replaceWith(object);
            });
        });
    }

    @WithTransaction
    public Uni<Void> delete(Caller caller, String id) {
        return get(caller, id).chain(object -> types.findLocked(caller.organizationId(), object.customObjectTypeId,
                        LockModeType.PESSIMISTIC_READ)
                .invoke(type -> requireEditor(caller, type))
                .chain(() -> objects.delete(object))
                .chain(() -> outbox.append(DomainEvent.deleted(caller, OBJECT_TYPE, object.id, object.leadId,
                        CustomObjectJson.toJson(object))))
                .chain(() -> references.removeAll(caller, object.leadId, object.customObjectTypeId, object.id))
                .chain(outbox::appendAll));
    }

    private Uni<CustomObject> get(Caller caller, String id) {
        return objects.findInOrganization(caller.organizationId(), id).onItem().ifNull().failWith(CloseException::notFound);
    }

    /**
     * The organization's type, share-locked so it can't be deleted while this object is written. An id in a body
     * that names no type of the organization is a 400 on the key (Close's rule for references), answered by the
     * caller's next {@code throwIfInvalid} together with the body's other errors.
     */
    private Uni<CustomObjectType> type(Caller caller, String typeId, CustomObjectInput input) {
        return types.findLocked(caller.organizationId(), typeId, LockModeType.PESSIMISTIC_READ).invoke(type -> {
            if (type == null) {
                input.body.fail(CustomObjectInput.TYPE_ID, "Unknown custom object type: " + typeId + ".");
            }
        });
    }

    /** A type's {@code editable_with_roles}, when not empty, limits who may change its objects (admins always may). */
    static void requireEditor(Caller caller, CustomObjectType type) {
        List<String> roles = type.editableWithRoles();
        if (!roles.isEmpty() && !caller.isAdmin() && !roles.contains(caller.role())) {
            throw CloseException.forbidden("Your role can't change custom objects of this type.");
        }
    }
}
