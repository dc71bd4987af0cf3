package io.leadline.core.integrationlink;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.wire.CloseDateTimes;

/** Close's wire form of an integration link. */
public final class IntegrationLinkJson {

    private IntegrationLinkJson() {
    }

    public static ObjectNode toJson(IntegrationLink link) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", link.id);
        json.put("name", link.name);
        json.put("url", link.url);
        json.put("type", link.type);
        json.put("organization_id", link.organizationId);
        json.put("created_by", link.createdBy);
        json.put("updated_by", link.updatedBy);
        json.put("date_created", CloseDateTimes.format(link.dateCreated));
        json.put("date_updated", CloseDateTimes.format(link.dateUpdated));
        return json;
    }
}
