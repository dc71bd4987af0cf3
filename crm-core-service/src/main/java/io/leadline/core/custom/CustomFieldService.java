package io.leadline.core.custom;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.events.DomainEvent;
import io.leadline.platform.id.Ids;
import io.leadline.platform.outbox.Outbox;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.CloseDateTimes;
import io.leadline.platform.wire.CloseException;
import io.leadline.platform.wire.Patch;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Custom field definitions. Only admins change them (they shape every object of the organization); each change
 * writes its {@code custom_fields.<owner>} event in the same transaction.
 */
@ApplicationScoped
public class CustomFieldService {

    @Inject
    CustomFieldRepository fields;

    @Inject
    Outbox outbox;

    @Inject
    CustomFieldJobs jobs;

    @WithTransaction
    public Uni<CustomField> create(Caller caller, String owner, CustomFieldInput input) {
        requireAdmin(caller);
        input.body.throwIfInvalid();
        Instant now = CloseDateTimes.now();
        CustomField field = new CustomField();
        field.id = Ids.longId("cf");
        field.organizationId = caller.organizationId();
        field.owner = owner;
        field.name = input.name.value();
        field.description = input.description.orElse(null);
        field.setType(input.type);
        field.acceptsMultipleValues = Boolean.TRUE.equals(input.acceptsMultipleValues);
        field.setChoices(input.choices.orElse(List.of()));
        field.setEditableWithRoles(input.editableWithRoles.orElse(List.of()));
        field.required = Boolean.TRUE.equals(input.required);
        field.customActivityTypeId = input.customActivityTypeId.orElse(null);
        field.customObjectTypeId = input.customObjectTypeId.orElse(null);
        field.referencedCustomTypeId = input.referencedCustomTypeId.orElse(null);
        field.backReferenceIsVisible = Boolean.TRUE.equals(input.backReferenceIsVisible);
        field.recordCreation(caller, now);
        return requireObjectTypes(field, input)
                .chain(() -> requireUniqueName(field, field.name, input))
                .chain(() -> fields.nextPosition(field.organizationId, owner))
                .invoke(position -> field.position = position)
                .chain(() -> fields.persist(field))
                .chain(() -> outbox.append(DomainEvent.created(caller, CustomFieldOwner.eventObjectType(owner),
                        field.id, null, CustomFieldJson.toJson(field))))
                .replaceWith(field);
    }

    @WithTransaction
    public Uni<CustomField> update(Caller caller, String owner, String id, CustomFieldInput input) {
        requireAdmin(caller);
        input.body.throwIfInvalid();
        return get(caller, owner, id).chain(field -> {
            ObjectNode before = CustomFieldJson.toJson(field);
            CustomFieldType type = input.type == null ? field.type() : input.type;
            boolean multipleOff = Boolean.FALSE.equals(input.acceptsMultipleValues) && field.acceptsMultipleValues;
            if ((type != field.type() || multipleOff) && field.convertingToType != null) {
                input.body.fail(input.type != null ? "type" : "accepts_multiple_values",
                        "The field's values are still being converted to " + field.convertingToType
                                + "; change it again once converting_to_type is gone.");
            } else if (!ValueConversion.convertible(field.type(), type)) {
                input.body.fail("type", "Contact and custom_object fields can't change type, nor can a field become one.");
            }
            unchanged(input, "custom_object_type_id", input.customObjectTypeId, field.customObjectTypeId);
            unchanged(input, "referenced_custom_type_id", input.referencedCustomTypeId, field.referencedCustomTypeId);
            boolean multiple = input.acceptsMultipleValues == null ? field.acceptsMultipleValues : input.acceptsMultipleValues;
            input.checkShape(type, multiple, input.choices.orElse(field.choices()));
            input.body.throwIfInvalid();
            // Checked before the entity changes: the query would flush a changed name into the unique index first.
            Uni<Void> unique = input.name.isPresent()
                    ? requireUniqueName(field, input.name.value(), input) : Uni.createFrom().voidItem();
            // activity values live in activities-service, which converts its own from the field's event
            boolean converts = (ValueConversion.needsConversion(field.type(), type) || multipleOff)
                    && !CustomFieldOwner.tablesOfValues(owner).isEmpty();
            return unique.chain(() -> apply(caller, owner, field, input, multiple, before, type, converts));
        });
    }

    private Uni<CustomField> apply(Caller caller, String owner, CustomField field, CustomFieldInput input,
                                   boolean multiple, ObjectNode before, CustomFieldType type, boolean converts) {
        input.name.ifPresent(name -> field.name = name);
        field.setType(type);
        input.description.ifPresent(description -> field.description = description);
        field.acceptsMultipleValues = multiple;
        input.choices.ifPresent(field::setChoices);
        input.editableWithRoles.ifPresent(field::setEditableWithRoles);
        if (input.required != null) {
            field.required = input.required;
        }
        if (input.backReferenceIsVisible != null) {
            field.backReferenceIsVisible = input.backReferenceIsVisible;
        }
        field.touch(caller, CloseDateTimes.now());
        Uni<Void> conversion = Uni.createFrom().voidItem();
        if (converts) {
            // The new type applies at once (writes are checked against it); the stored values follow in the
            // background, and converting_to_type shows until they have (CustomFieldJobs).
            field.convertingToType = type.wire();
            field.setConversionFailures(List.of(), 0);
            conversion = jobs.enqueue(caller, CustomFieldJob.CONVERT, field.id, CustomFieldOwner.tablesOfValues(owner), null);
        }
        return conversion.chain(() -> outbox.append(DomainEvent.updated(caller, CustomFieldOwner.eventObjectType(owner),
                field.id, null, before, CustomFieldJson.toJson(field)))).replaceWith(field);
    }

    /**
     * Deletes the field with its event, and leaves the removal of its values to a background job created in the same
     * transaction ({@link CustomFieldJobs}: batch by batch, each object with its {@code updated} event).
     */
    @WithTransaction
    public Uni<Void> delete(Caller caller, String owner, String id) {
        requireAdmin(caller);
        return get(caller, owner, id).chain(field -> fields.delete(field)
                .chain(() -> outbox.append(deleted(caller, field)))
                .chain(() -> jobs.enqueue(caller, CustomFieldJob.REMOVE, id, CustomFieldOwner.tablesOfValues(owner),
                        null)));
    }

    /**
     * The fields of a custom object type being deleted (it has no objects left, so no values): deletes them and
     * answers their {@code custom_fields.custom_object} deleted events, for the type's own transaction.
     */
    public Uni<List<DomainEvent>> deleteAllOfObjectType(Caller caller, String typeId) {
        return fields.ofCustomObjectType(caller.organizationId(), typeId).chain(found -> {
            List<DomainEvent> events = found.stream().map(field -> deleted(caller, field)).toList();
            return found.isEmpty() ? Uni.createFrom().item(events)
                    : fields.delete("organizationId = ?1 and owner = ?2 and customObjectTypeId = ?3",
                    caller.organizationId(), CustomFieldOwner.CUSTOM_OBJECT_TYPE, typeId).replaceWith(events);
        });
    }

    private static DomainEvent deleted(Caller caller, CustomField field) {
        return DomainEvent.deleted(caller, CustomFieldOwner.eventObjectType(field.owner), field.id, null,
                CustomFieldJson.toJson(field));
    }

    /** A custom object field's type and a custom_object field's referenced type are the organization's. */
    private Uni<Void> requireObjectTypes(CustomField field, CustomFieldInput input) {
        return requireObjectType(field.organizationId, field.customObjectTypeId, "custom_object_type_id", input)
                .chain(() -> requireObjectType(field.organizationId, field.referencedCustomTypeId,
                        "referenced_custom_type_id", input))
                .invoke(input.body::throwIfInvalid);
    }

    private Uni<Void> requireObjectType(String organizationId, String typeId, String key, CustomFieldInput input) {
        if (typeId == null) {
            return Uni.createFrom().voidItem();
        }
        return fields.customObjectTypeExists(organizationId, typeId).invoke(exists -> {
            if (!exists) {
                input.body.fail(key, "Unknown custom object type: " + typeId + ".");
            }
        }).replaceWithVoid();
    }

    /** The parent and referenced types of a field never change; sending the stored value again is fine. */
    private static void unchanged(CustomFieldInput input, String key, Patch<String> sent, String stored) {
        if (sent.isPresent() && !Objects.equals(sent.value(), stored)) {
            input.body.fail(key, "Can't be changed.");
        }
    }

    /**
     * Reorders the owner's fields: the listed ones first, in that order, then the others in their old order (Close
     * appends omitted ids). An id that isn't one of the owner's fields is a 400 on {@code fields.N.id}.
     */
    @WithTransaction
    public Uni<ObjectNode> reorder(Caller caller, String owner, CustomFieldSchemaInput input) {
        requireAdmin(caller);
        input.body.throwIfInvalid();
        FieldScope scope = FieldScope.of(owner);
        return fields.ofScope(caller.organizationId(), scope).map(current -> reorder(scope, current, input));
    }

    /** The schema of a custom object type ({@code /custom_field_schema/custom_object/<id>/}) reordered likewise. */
    @WithTransaction
    public Uni<ObjectNode> reorderObjectType(Caller caller, String typeId, CustomFieldSchemaInput input) {
        requireAdmin(caller);
        input.body.throwIfInvalid();
        return fields.customObjectTypeExists(caller.organizationId(), typeId)
                .chain(exists -> exists ? fields.ofScope(caller.organizationId(), FieldScope.customObjectType(typeId))
                        : Uni.createFrom().failure(CloseException.notFound()))
                .map(current -> reorder(FieldScope.customObjectType(typeId), current, input));
    }

    /** Positions are the fields' own, or for shared fields their association's with the scope. */
    private static ObjectNode reorder(FieldScope scope, List<CustomField> current, CustomFieldSchemaInput input) {
        Map<String, CustomField> byId = new LinkedHashMap<>();
        current.forEach(field -> byId.put(field.id, field));
        for (int i = 0; i < input.ids.size(); i++) {
            if (!byId.containsKey(input.ids.get(i))) {
                input.body.fail(CustomFieldSchemaInput.FIELDS + "." + i + ".id",
                        "Unknown custom field of " + scope.path() + ": " + input.ids.get(i) + ".");
            }
        }
        input.body.throwIfInvalid();
        List<CustomField> ordered = new ArrayList<>();
        input.ids.forEach(id -> ordered.add(byId.remove(id)));
        ordered.addAll(byId.values());
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        ArrayNode list = schema.putArray(CustomFieldSchemaInput.FIELDS);
        for (int i = 0; i < ordered.size(); i++) {
            CustomField field = ordered.get(i);
            if (field.isShared()) {
                int position = i + 1;
                field.setAssociations(field.associations().stream().map(association -> association.scope().equals(scope)
                        ? association.with(association.required(), association.editableWithRoles(), position)
                        : association).toList());
            } else {
                field.position = i + 1;
            }
            list.add(CustomFieldJson.toJson(field));
        }
        return schema;
    }

    private Uni<CustomField> get(Caller caller, String owner, String id) {
        return fields.findOwned(caller.organizationId(), owner, id).onItem().ifNull().failWith(CloseException::notFound);
    }

    private Uni<Void> requireUniqueName(CustomField field, String name, CustomFieldInput input) {
        return fields.lockOwner(field.organizationId, field.owner)
                .chain(() -> fields.nameTaken(field, name))
                .invoke(taken -> {
                    if (taken) {
                        input.body.fail("name", "A custom field named \"" + name + "\" already exists.");
                        input.body.throwIfInvalid();
                    }
                })
                .replaceWithVoid();
    }

    /** Custom fields shape every object of the organization, so only admins may change them (as Close's admins). */
    static void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw CloseException.forbidden("Only organization admins can change custom fields.");
        }
    }
}
