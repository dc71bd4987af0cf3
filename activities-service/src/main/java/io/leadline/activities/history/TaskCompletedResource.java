package io.leadline.activities.history;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.activities.activity.ActivityType;
import io.leadline.activities.activity.ActivityTypeResource;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Close's {@code /activity/task_completed/}: recorded when a task is completed; GET and DELETE. */
@Path("/api/v1/activity/task_completed")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TaskCompletedResource extends ActivityTypeResource {

    @Inject
    HistoryService history;

    public TaskCompletedResource() {
        super(ActivityType.TASK_COMPLETED);
    }

    @DELETE
    @Path("{id}")
    public Uni<ObjectNode> delete(@PathParam("id") String id) {
        return history.delete(callerContext.current(), TaskCompleted.class, id)
                .replaceWith(JsonNodeFactory.instance.objectNode());
    }
}
