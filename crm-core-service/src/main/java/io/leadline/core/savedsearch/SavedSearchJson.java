package io.leadline.core.savedsearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.core.JsonColumnLists;
import io.leadline.platform.wire.CloseDateTimes;

/** Close's wire form of a smart view (NOTES §10.1). */
public final class SavedSearchJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SavedSearchJson() {
    }

    public static ObjectNode toJson(SavedSearch search) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", search.id);
        json.put("organization_id", search.organizationId);
        json.put("user_id", search.userId);
        json.put("name", search.name);
        json.put("description", search.description);
        json.put("type", search.type);
        json.put("query", search.query);
        json.set("s_query", search.sQuery == null ? null : JSON.valueToTree(search.sQuery));
        ArrayNode fields = json.putArray("selected_fields");
        JsonColumnLists.unwrap(search.selectedFields).forEach(item -> fields.add(String.valueOf(item.get("name"))));
        json.put("is_shared", search.shared);
        ObjectNode sharing = JSON.valueToTree(search.sharing);
        sharing.put("created_at", CloseDateTimes.format(search.dateCreated));
        sharing.put("created_by_id", search.createdBy);
        sharing.put("updated_at", CloseDateTimes.format(search.dateUpdated));
        sharing.put("updated_by_id", search.updatedBy);
        json.set("sharing_settings", sharing);
        json.set("shared_with", sharing.path("user_ids").isArray() ? sharing.get("user_ids").deepCopy()
                : JsonNodeFactory.instance.arrayNode());
        json.put("is_user_dependent", search.sQuery != null && JSON.valueToTree(search.sQuery).toString()
                .contains("\"current_user\""));
        json.put("created_by", search.createdBy);
        json.put("updated_by", search.updatedBy);
        json.put("date_created", CloseDateTimes.format(search.dateCreated));
        json.put("date_updated", CloseDateTimes.format(search.dateUpdated));
        return json;
    }
}
