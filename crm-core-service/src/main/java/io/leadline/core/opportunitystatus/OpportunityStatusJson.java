package io.leadline.core.opportunitystatus;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Close's wire form of an opportunity status (also how a pipeline lists its statuses). */
public final class OpportunityStatusJson {

    private OpportunityStatusJson() {
    }

    public static ObjectNode toJson(OpportunityStatus status) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", status.id);
        json.put("label", status.label);
        json.put("type", status.type);
        json.put("pipeline_id", status.pipelineId);
        return json;
    }
}
