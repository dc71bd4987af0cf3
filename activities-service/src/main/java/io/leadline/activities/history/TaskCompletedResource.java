package io.leadline.activities.history;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.activities.activity.ActivityReads;
import io.leadline.activities.activity.ActivityType;
import io.leadline.platform.read.ReadTable;
import io.leadline.platform.security.CallerContext;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** Close's {@code /activity/task_completed/}: recorded when a task is completed; GET and DELETE. */
@Path("/api/v1/activity/task_completed")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TaskCompletedResource {

    static final ReadTable TABLE = ActivityReads.builderOf(ActivityType.TASK_COMPLETED).build();

    @Inject
    CallerContext callerContext;

    @Inject
    ActivityReads reads;

    @Inject
    HistoryService history;

    @GET
    public Uni<String> list(@Context UriInfo uriInfo) {
        return reads.list(callerContext.current(), ActivityType.TASK_COMPLETED, TABLE, uriInfo.getQueryParameters());
    }

    @GET
    @Path("{id}")
    public Uni<String> get(@PathParam("id") String id, @QueryParam("_fields") String fields) {
        return reads.one(callerContext.current(), TABLE, id, fields);
    }

    @DELETE
    @Path("{id}")
    public Uni<ObjectNode> delete(@PathParam("id") String id) {
        return history.delete(callerContext.current(), TaskCompleted.class, id)
                .replaceWith(JsonNodeFactory.instance.objectNode());
    }
}
