package io.leadline.activities.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.activities.activity.ActivityReads;
import io.leadline.activities.activity.ActivityType;
import io.leadline.activities.activity.ActivityTypeResource;
import io.leadline.platform.read.FilterType;
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

/** Close's {@code /activity/status_change/opportunity/}: recorded on an opportunity's status change; POST imports history. */
@Path("/api/v1/activity/status_change/opportunity")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OpportunityStatusChangeResource extends ActivityTypeResource {

    @Inject
    HistoryService history;

    public OpportunityStatusChangeResource() {
        super(ActivityType.OPPORTUNITY_STATUS_CHANGE, ActivityReads.builderOf(ActivityType.OPPORTUNITY_STATUS_CHANGE)
                .filter("opportunity_id", "(a.details::jsonb ->> 'opportunity_id')", FilterType.STRING).build());
    }

    @POST
    public Uni<ObjectNode> importChange(JsonNode body, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        StatusChangeInput input = StatusChangeInput.forOpportunity(body, caller, callerContext.internalToken());
        return history.importChange(caller, new OpportunityStatusChange(), input)
                .map(change -> FieldSelection.parse(fields).apply(change.toJson()));
    }

    @DELETE
    @Path("{id}")
    public Uni<ObjectNode> delete(@PathParam("id") String id) {
        return history.delete(callerContext.current(), OpportunityStatusChange.class, id)
                .replaceWith(JsonNodeFactory.instance.objectNode());
    }
}
