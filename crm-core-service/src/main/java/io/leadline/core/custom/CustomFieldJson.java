package io.leadline.core.custom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.wire.CloseDateTimes;

/** Close's wire form of a custom field definition (NOTES §10.2); the same for every owner, plus its parent id. */
public final class CustomFieldJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CustomFieldJson() {
    }

    public static ObjectNode toJson(CustomField field) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", field.id);
        json.put("organization_id", field.organizationId);
        json.put("name", field.name);
        json.put("description", field.description);
        json.put("type", field.type().wire());
        json.put("accepts_multiple_values", field.acceptsMultipleValues);
        field.choices().forEach(json.putArray("choices")::add);
        field.editableWithRoles().forEach(json.putArray("editable_with_roles")::add);
        json.put("required", field.required);
        if (CustomFieldOwner.ACTIVITY.equals(field.owner)) {
            json.put("custom_activity_type_id", field.customActivityTypeId);
        }
        if (CustomFieldOwner.CUSTOM_OBJECT_TYPE.equals(field.owner)) {
            json.put("custom_object_type_id", field.customObjectTypeId);
        }
        json.put("referenced_custom_type_id", field.referencedCustomTypeId);
        if (field.isShared()) {
            ArrayNode associations = json.putArray("associations");
            field.associations().forEach(association -> associations.add(association.toJson()));
        }
        json.put("back_reference_is_visible", field.backReferenceIsVisible);
        // Close shows converting_to_type only while a conversion runs; the failures only after one lost values.
        if (field.convertingToType != null) {
            json.put("converting_to_type", field.convertingToType);
        }
        if (field.conversionFailureCount() > 0) {
            json.put("conversion_failure_count", field.conversionFailureCount());
            json.set("conversion_failures", MAPPER.valueToTree(field.conversionFailures()));
        }
        json.put("created_by", field.createdBy);
        json.put("updated_by", field.updatedBy);
        json.put("date_created", CloseDateTimes.format(field.dateCreated));
        json.put("date_updated", CloseDateTimes.format(field.dateUpdated));
        return json;
    }
}
