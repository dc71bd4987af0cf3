package io.leadline.core.pipeline;

import io.leadline.core.opportunitystatus.OpportunityStatus;
import io.leadline.core.opportunitystatus.OpportunityStatusJson;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** Close's wire form of a pipeline with its ordered opportunity statuses. */
public final class PipelineJson {

    private PipelineJson() {
    }

    public static ObjectNode toJson(Pipeline pipeline, List<OpportunityStatus> statuses) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", pipeline.id);
        json.put("name", pipeline.name);
        json.put("organization_id", pipeline.organizationId);
        ArrayNode array = json.putArray("statuses");
        statuses.stream().filter(status -> status.pipelineId.equals(pipeline.id))
                .forEach(status -> array.add(OpportunityStatusJson.toJson(status)));
        return json;
    }
}
