package io.leadline.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.leadline.platform.wire.RequestBody;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A pipeline create or update body: its name and, optionally, the ids of the statuses it should hold in order
 * ({@code statuses: [{"id": …}, …]}), which may pull statuses in from other pipelines.
 */
final class PipelineInput {

    final RequestBody body;
    /** Trimmed; null when an update leaves the name alone (or after a field error). */
    final String name;
    /** The status ids in the order sent, each once; null when the body has no {@code statuses}. */
    final List<String> statusIds;

    private PipelineInput(RequestBody body, boolean update) {
        this.body = body;
        this.name = update && !body.has("name") ? null : body.requiredNonBlank("name");
        this.statusIds = readStatusIds(body);
        if (update && body.isNull("statuses")) {
            body.fail("statuses", "A pipeline's statuses can't be cleared; move them to another pipeline instead.");
        }
    }

    static PipelineInput forCreate(JsonNode json) {
        return new PipelineInput(RequestBody.of(json), false);
    }

    static PipelineInput forUpdate(JsonNode json) {
        return new PipelineInput(RequestBody.of(json), true);
    }

    private static List<String> readStatusIds(RequestBody body) {
        ArrayNode array = body.array("statuses");
        if (array == null) {
            return null;
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < array.size(); i++) {
            RequestBody item = body.nested("statuses", i, array.get(i));
            if (item == null) {
                continue;
            }
            String statusId = item.requiredString("id", RequestBody.ID_LENGTH);
            if (statusId != null && !ids.add(statusId)) {
                item.fail("id", "This status is listed twice.");
            }
        }
        return List.copyOf(ids);
    }
}
