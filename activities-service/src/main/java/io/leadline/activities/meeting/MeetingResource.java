package io.leadline.activities.meeting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.activities.activity.ActivityBaseInput;
import io.leadline.activities.activity.ActivityType;
import io.leadline.activities.activity.ActivityTypeResource;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.FieldSelection;
import io.leadline.platform.wire.RequestBody;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Close's {@code /activity/meeting/}: read, annotate (PUT), delete; no create (calendar sync makes them). */
@Path("/api/v1/activity/meeting")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MeetingResource extends ActivityTypeResource {

    @Inject
    MeetingService meetings;

    public MeetingResource() {
        super(ActivityType.MEETING);
    }

    @PUT
    @Path("{id}")
    public Uni<ObjectNode> update(@PathParam("id") String id, JsonNode body, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        return meetings.update(caller, id, ActivityBaseInput.forUpdate(RequestBody.of(body), caller,
                        callerContext.internalToken()))
                .map(meeting -> FieldSelection.parse(fields).apply(meeting.toJson()));
    }

    @DELETE
    @Path("{id}")
    public Uni<ObjectNode> delete(@PathParam("id") String id) {
        return meetings.delete(callerContext.current(), id).replaceWith(JsonNodeFactory.instance.objectNode());
    }
}
