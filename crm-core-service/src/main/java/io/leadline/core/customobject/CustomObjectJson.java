package io.leadline.core.customobject;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.core.custom.CustomValues;
import io.leadline.platform.wire.CloseDateTimes;

/** Close's wire form of a custom object (NOTES §5.6): reads, write answers and events alike. */
final class CustomObjectJson {

    private CustomObjectJson() {
    }

    static ObjectNode toJson(CustomObject object) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", object.id);
        json.put("organization_id", object.organizationId);
        json.put("custom_object_type_id", object.customObjectTypeId);
        json.put("lead_id", object.leadId);
        json.put("name", object.name);
        json.put("created_by", object.createdBy);
        json.put("updated_by", object.updatedBy);
        json.put("date_created", CloseDateTimes.format(object.dateCreated));
        json.put("date_updated", CloseDateTimes.format(object.dateUpdated));
        CustomValues.write(object.custom, json);
        return json;
    }
}
