package io.leadline.core.customobject;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.core.custom.CustomFieldService;
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

import java.util.ArrayList;
import java.util.List;

/**
 * Custom object types: admins only change them (like custom fields, they shape the organization's data); every
 * change writes its {@code custom_object_type.*} event in the same transaction.
 */
@ApplicationScoped
public class CustomObjectTypeService {

    static final String OBJECT_TYPE = "custom_object_type";

    @Inject
    CustomObjectTypeRepository types;

    @Inject
    CustomObjectRepository objects;

    @Inject
    CustomFieldService fields;

    @Inject
    Outbox outbox;

    @WithTransaction
    public Uni<CustomObjectType> create(Caller caller, CustomObjectTypeInput input) {
        requireAdmin(caller);
        input.body.throwIfInvalid();
        CustomObjectType type = new CustomObjectType();
        type.id = Ids.longId("cotype");
        type.organizationId = caller.organizationId();
        type.name = input.name.value();
        type.namePlural = input.namePlural.value();
        type.description = input.description.orElse(null);
        type.apiCreateOnly = Boolean.TRUE.equals(input.apiCreateOnly);
        type.setEditableWithRoles(input.editableWithRoles.orElse(List.of()));
        type.isArchived = Boolean.TRUE.equals(input.isArchived);
        type.recordCreation(caller, CloseDateTimes.now());
        return types.persist(type)
                .chain(() -> outbox.append(DomainEvent.created(caller, OBJECT_TYPE, type.id, null,
                        CustomObjectTypeJson.toJson(type))))
                .replaceWith(type);
    }

    @WithTransaction
    public Uni<CustomObjectType> update(Caller caller, String id, CustomObjectTypeInput input) {
        requireAdmin(caller);
        input.body.throwIfInvalid();
        return get(caller, id, LockModeType.NONE).chain(type -> {
            ObjectNode before = CustomObjectTypeJson.toJson(type);
            input.name.ifPresent(name -> type.name = name);
            input.namePlural.ifPresent(name -> type.namePlural = name);
            input.description.ifPresent(description -> type.description = description);
            input.editableWithRoles.ifPresent(type::setEditableWithRoles);
            if (input.apiCreateOnly != null) {
                type.apiCreateOnly = input.apiCreateOnly;
            }
            if (input.isArchived != null) {
                type.isArchived = input.isArchived;
            }
            type.touch(caller, CloseDateTimes.now());
            return outbox.append(DomainEvent.updated(caller, OBJECT_TYPE, type.id, null, before,
                    CustomObjectTypeJson.toJson(type))).replaceWith(type);
        });
    }

    /**
     * Deletes a type without objects, with its fields (their {@code custom_fields.custom_object} deleted events
     * first). A type that still has objects is a 400: deleting it would silently delete objects on many leads.
     */
    @WithTransaction
    public Uni<Void> delete(Caller caller, String id) {
        requireAdmin(caller);
        return get(caller, id, LockModeType.PESSIMISTIC_WRITE).chain(type -> objects.countOfType(caller.organizationId(), type.id).chain(count -> {
            if (count > 0) {
                throw new CloseException(400, "This custom object type still has " + count
                        + " custom objects; delete them first.");
            }
            return fields.deleteAllOfObjectType(caller, type.id);
        }).chain(fieldEvents -> {
            List<DomainEvent> events = new ArrayList<>(fieldEvents);
            events.add(DomainEvent.deleted(caller, OBJECT_TYPE, type.id, null, CustomObjectTypeJson.toJson(type)));
            return types.delete(type).chain(() -> outbox.appendAll(events));
        }));
    }

    private Uni<CustomObjectType> get(Caller caller, String id, LockModeType lock) {
        return types.findLocked(caller.organizationId(), id, lock).onItem().ifNull().failWith(CloseException::notFound);
    }

    /** Types shape the organization's data, so only admins may change them (as custom fields). */
    private static void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw CloseException.forbidden("Only organization admins can change custom object types.");
        }
    }
}
