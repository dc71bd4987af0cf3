package io.leadline.core.customobject;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.wire.CloseDateTimes;

/**
 * A custom object type's own wire form (stored document and events). {@code fields} and {@code back_reference_fields}
 * depend on the custom_field rows, so reads compose them ({@link CustomObjectTypeResource#TABLE}) and events, like an
 * opportunity's events without its comment summary, carry the type alone: its fields have events of their own.
 */
final class CustomObjectTypeJson {

    private CustomObjectTypeJson() {
    }

    static ObjectNode toJson(CustomObjectType type) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", type.id);
        json.put("organization_id", type.organizationId);
        json.put("name", type.name);
        json.put("name_plural", type.namePlural);
        json.put("description", type.description);
        json.put("api_create_only", type.apiCreateOnly);
        type.editableWithRoles().forEach(json.putArray("editable_with_roles")::add);
        json.put("is_archived", type.isArchived);
        json.put("created_by", type.createdBy);
        json.put("updated_by", type.updatedBy);
        json.put("date_created", CloseDateTimes.format(type.dateCreated));
        json.put("date_updated", CloseDateTimes.format(type.dateUpdated));
        return json;
    }
}
