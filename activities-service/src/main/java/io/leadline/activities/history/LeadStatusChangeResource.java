package io.leadline.activities.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.activities.activity.ActivityType;
import io.leadline.activities.activity.ActivityTypeResource;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.FieldSelection;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Close's {@code /activity/status_change/lead/}: recorded on a lead's status change; POST imports history. */
@Path("/api/v1/activity/status_change/lead")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LeadStatusChangeResource extends ActivityTypeResource {

    @Inject
    HistoryService history;

    public LeadStatusChangeResource() {
        super(ActivityType.LEAD_STATUS_CHANGE);
    }

    @POST
    public Uni<ObjectNode> importChange(JsonNode body, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        StatusChangeInput input = StatusChangeInput.forLead(body, caller, callerContext.internalToken());
        return history.importChange(caller, new LeadStatusChange(), input)
                .map(change -> FieldSelection.parse(fields).apply(change.toJson()));
    }

    @DELETE
    @Path("{id}")
    public Uni<ObjectNode> delete(@PathParam("id") String id) {
        return history.delete(callerContext.current(), LeadStatusChange.class, id)
                .replaceWith(JsonNodeFactory.instance.objectNode());
    }
}
