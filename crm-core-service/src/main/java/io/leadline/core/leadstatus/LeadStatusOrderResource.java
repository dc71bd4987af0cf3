package io.leadline.core.leadstatus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.security.CallerContext;
import io.leadline.platform.wire.RequestBody;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code PUT /internal/v1/lead-status-order} {@code {"ids": [...]}}: the gateway's {@code PUT /organization/{id}/}
 * reorders {@code lead_statuses} here, with the caller's own internal token (so the caller's organization and role).
 * Answers the statuses in their new order.
 */
@Path("/internal/v1/lead-status-order")
@Produces(MediaType.APPLICATION_JSON)
public class LeadStatusOrderResource {

    @Inject
    CallerContext callerContext;

    @Inject
    LeadStatusService statuses;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ObjectNode> reorder(JsonNode json) {
        RequestBody body = RequestBody.of(json);
        if (!body.has("ids")) {
            body.fail("ids", RequestBody.REQUIRED);
        }
        ArrayNode array = body.array("ids", 1_000);
        List<String> ids = new ArrayList<>();
        if (array != null) {
            array.forEach(id -> ids.add(id.isTextual() ? id.asText() : ""));
        }
        body.throwIfInvalid();
        return statuses.reorder(callerContext.current(), ids).map(ordered -> {
            ObjectNode answer = JsonNodeFactory.instance.objectNode();
            ArrayNode list = answer.putArray("lead_statuses");
            ordered.forEach(status -> list.add(LeadStatusJson.toJson(status)));
            return answer;
        });
    }
}
