package io.leadline.activities.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.activities.activity.ActivityReads;
import io.leadline.activities.activity.ActivityType;
import io.leadline.platform.read.ReadTable;
import io.leadline.platform.security.Caller;
import io.leadline.platform.security.CallerContext;
import io.leadline.platform.wire.FieldSelection;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** Close's {@code /activity/call/} endpoints. */
@Path("/api/v1/activity/call")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CallResource {

    static final ReadTable TABLE = ActivityReads.tableOf(ActivityType.CALL);

    @Inject
    CallerContext callerContext;

    @Inject
    CallService calls;

    @Inject
    ActivityReads reads;

    @GET
    public Uni<String> list(@Context UriInfo uriInfo) {
        return reads.list(callerContext.current(), ActivityType.CALL, TABLE, uriInfo.getQueryParameters());
    }

    @POST
    public Uni<ObjectNode> create(JsonNode body, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        return calls.create(caller, CallInput.forCreate(body, caller, callerContext.internalToken()))
                .map(call -> FieldSelection.parse(fields).apply(call.toJson()));
    }

    @GET
    @Path("{id}")
    public Uni<String> get(@PathParam("id") String id, @QueryParam("_fields") String fields) {
        return reads.one(callerContext.current(), TABLE, id, fields);
    }

    @PUT
    @Path("{id}")
    public Uni<ObjectNode> update(@PathParam("id") String id, JsonNode body, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        return calls.update(caller, id, CallInput.forUpdate(body, caller, callerContext.internalToken()))
                .map(call -> FieldSelection.parse(fields).apply(call.toJson()));
    }

    @DELETE
    @Path("{id}")
    public Uni<ObjectNode> delete(@PathParam("id") String id) {
        return calls.delete(callerContext.current(), id).replaceWith(JsonNodeFactory.instance.objectNode());
    }
}
