package io.leadline.core.custom;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.events.DomainEvent;
import io.leadline.platform.outbox.Outbox;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.CloseDateTimes;
import io.leadline.platform.wire.CloseException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/**
 * Where shared fields are used ({@code /custom_field/shared/<id>/association/…}). An association is part of its
 * field: each change is a change of the shared field, recorded as its {@code custom_fields.shared} updated event
 * (so consumers such as activities-service learn where the field applies). Admins only.
 */
@ApplicationScoped
public class SharedFieldAssociations {

    @Inject
    CustomFieldRepository fields;

    @Inject
    Outbox outbox;

    @Inject
    CustomFieldJobs jobs;

    /** Associates the field with the scope; it comes last in the scope's schema. */
    @WithTransaction
    public Uni<ObjectNode> create(Caller caller, String fieldId, AssociationInput input) {
        CustomFieldService.requireAdmin(caller);
        input.body.throwIfInvalid();
        FieldScope scope = input.scope;
        return shared(caller, fieldId).chain(field -> requireParent(caller, scope, input)
                .chain(() -> fields.lockOwner(caller.organizationId(), scope.path()))
                .chain(() -> fields.ofScope(caller.organizationId(), scope))
                .chain(current -> {
                    if (field.association(scope).isPresent()) {
                        input.body.fail(AssociationInput.OBJECT_TYPE, "The field is already associated with "
                                + scope.path() + ".");
                    }
                    String name = field.name;
                    if (current.stream().anyMatch(other -> !other.id.equals(field.id) && other.name.equalsIgnoreCase(name))) {
                        // Values are also addressed by name (_fields=custom.<Field Name>), so names stay unique.
                        input.body.fail(AssociationInput.OBJECT_TYPE, "A custom field named \"" + name
                                + "\" already exists on " + scope.path() + ".");
                    }
                    input.body.throwIfInvalid();
                    int position = current.stream().mapToInt(other -> other.positionIn(scope)).max().orElse(0) + 1;
                    Association association = new Association(scope, Boolean.TRUE.equals(input.required),
                            input.editableWithRoles.orElse(List.of()), position);
                    List<Association> all = new ArrayList<>(field.associations());
                    all.add(association);
                    return change(caller, field, all).replaceWith(association.toJson());
                }));
    }

    @WithSession
    public Uni<ObjectNode> get(Caller caller, String fieldId, FieldScope scope) {
        return shared(caller, fieldId).map(field -> association(field, scope).toJson());
    }

    @WithTransaction
    public Uni<ObjectNode> update(Caller caller, String fieldId, FieldScope scope, AssociationInput input) {
        CustomFieldService.requireAdmin(caller);
        input.body.throwIfInvalid();
        return shared(caller, fieldId).chain(field -> {
            Association current = association(field, scope);
            Association changed = current.with(input.required == null ? current.required() : input.required,
                    input.editableWithRoles.orElse(current.editableWithRoles()), current.position());
            List<Association> all = field.associations().stream()
                    .map(association -> association.scope().equals(scope) ? changed : association).toList();
            return change(caller, field, all).replaceWith(changed.toJson());
        });
    }

    /**
     * Ends the association. The field's values on the scope's objects go afterwards (Close: "all stored values will
     * be permanently deleted"), batch by batch with each object's event, as after a field's deletion
     * ({@link #removeValues}). Values on custom activities live in activities-service, which learns of the change
     * from the field's event.
     */
    @WithTransaction
    public Uni<Void> delete(Caller caller, String fieldId, FieldScope scope) {
        CustomFieldService.requireAdmin(caller);
        return shared(caller, fieldId).chain(field -> {
            association(field, scope);
            return change(caller, field, field.associations().stream()
                    .filter(association -> !association.scope().equals(scope)).toList())
                    .chain(() -> removeValues(caller, fieldId, scope));
        });
    }

    /** The removal of the field's values from the scope's objects, as a job of the association's transaction. */
    private Uni<Void> removeValues(Caller caller, String fieldId, FieldScope scope) {
        return switch (scope.objectType()) {
            case CustomFieldOwner.LEAD, CustomFieldOwner.CONTACT, CustomFieldOwner.OPPORTUNITY ->
                    jobs.enqueue(caller, CustomFieldJob.REMOVE, fieldId, List.of(scope.objectType()), null);
            case FieldScope.CUSTOM_OBJECT_TYPE -> jobs.enqueue(caller, CustomFieldJob.REMOVE, fieldId,
                    CustomFieldOwner.tablesOfValues(CustomFieldOwner.CUSTOM_OBJECT_TYPE), scope.parentId());
            default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> change(Caller caller, CustomField field, List<Association> associations) {
        ObjectNode before = CustomFieldJson.toJson(field);
        field.setAssociations(associations);
        field.touch(caller, CloseDateTimes.now());
        return outbox.append(DomainEvent.updated(caller, CustomFieldOwner.eventObjectType(field.owner), field.id, null,
                before, CustomFieldJson.toJson(field)));
    }

    private Uni<CustomField> shared(Caller caller, String fieldId) {
        return fields.findOwned(caller.organizationId(), CustomFieldOwner.SHARED, fieldId).onItem().ifNull()
                .failWith(CloseException::notFound);
    }

    private static Association association(CustomField field, FieldScope scope) {
        return field.association(scope).orElseThrow(CloseException::notFound);
    }

    /** A custom object type must be the organization's; custom activity types are not checked (they live elsewhere). */
    private Uni<Void> requireParent(Caller caller, FieldScope scope, AssociationInput input) {
        if (!FieldScope.CUSTOM_OBJECT_TYPE.equals(scope.objectType())) {
            return Uni.createFrom().voidItem();
        }
        return fields.customObjectTypeExists(caller.organizationId(), scope.parentId()).invoke(exists -> {
            if (!exists) {
                input.body.fail("custom_object_type_id", "Unknown custom object type: " + scope.parentId() + ".");
                input.body.throwIfInvalid();
            }
        }).replaceWithVoid();
    }
}
