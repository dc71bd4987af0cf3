package io.leadline.core.custom;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.platform.wire.Patch;
import io.leadline.platform.wire.RequestBody;

import java.util.List;
import java.util.Objects;

/**
 * A shared field association body: on POST where ({@code object_type}, and {@code custom_activity_type_id} or
 * {@code custom_object_type_id} for those types) and how; on PUT only {@code required} and
 * {@code editable_with_roles} change (Close: "Everything else cannot be changed").
 */
final class AssociationInput {

    static final String OBJECT_TYPE = "object_type";
    private static final List<String> OBJECT_TYPES = List.of(CustomFieldOwner.LEAD, CustomFieldOwner.CONTACT,
            CustomFieldOwner.OPPORTUNITY, FieldScope.CUSTOM_ACTIVITY_TYPE, FieldScope.CUSTOM_OBJECT_TYPE);

    final RequestBody body;
    final FieldScope scope;
    final Boolean required;
    final Patch<List<String>> editableWithRoles;

    private AssociationInput(RequestBody body, FieldScope path) {
        this.body = body;
        this.required = body.bool("required");
        this.editableWithRoles = Patch.read(body, "editable_with_roles", TextLists.distinct(body,
                "editable_with_roles", RequestBody.MAX_ITEMS, RequestBody.ID_LENGTH));
        String objectType = path == null ? body.choice(OBJECT_TYPE, OBJECT_TYPES) : body.string(OBJECT_TYPE);
        if (path == null && objectType == null && !body.errors().has(OBJECT_TYPE)) {
            body.fail(OBJECT_TYPE, RequestBody.REQUIRED);
        }
        String activityType = parent(FieldScope.CUSTOM_ACTIVITY_TYPE, "custom_activity_type_id", objectType, path);
        String objectTypeId = parent(FieldScope.CUSTOM_OBJECT_TYPE, "custom_object_type_id", objectType, path);
        if (path != null) {
            if (body.has(OBJECT_TYPE) && !Objects.equals(objectType, path.objectType())) {
                body.fail(OBJECT_TYPE, "Can't be changed.");
            }
            this.scope = path;
        } else {
            this.scope = objectType == null ? null
                    : new FieldScope(objectType, activityType != null ? activityType : objectTypeId != null ? objectTypeId : "");
        }
    }

    static AssociationInput forCreate(JsonNode json) {
        return new AssociationInput(RequestBody.of(json), null);
    }

    static AssociationInput forUpdate(JsonNode json, FieldScope path) {
        return new AssociationInput(RequestBody.of(json), path);
    }

    /**
     * The parent type id of one kind: required when creating an association with that object type, refused with
     * any other; on update only the association's own.
     */
    private String parent(String kind, String key, String objectType, FieldScope path) {
        String id = body.string(key, RequestBody.ID_LENGTH);
        if (path != null) {
            if (id != null && !(kind.equals(path.objectType()) && id.equals(path.parentId()))) {
                body.fail(key, "Can't be changed.");
            }
            return null;
        }
        if (kind.equals(objectType) && id == null && !body.errors().has(key)) {
            body.fail(key, RequestBody.REQUIRED);
        } else if (!kind.equals(objectType) && id != null) {
            body.fail(key, "Only for object_type " + kind + ".");
        }
        return kind.equals(objectType) ? id : null;
    }
}
