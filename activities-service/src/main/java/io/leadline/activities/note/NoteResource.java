package io.leadline.activities.note;

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

/** Close's {@code /activity/note/} endpoints. */
@Path("/api/v1/activity/note")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NoteResource {

    static final ReadTable TABLE = ActivityReads.tableOf(ActivityType.NOTE);

    @Inject
    CallerContext callerContext;

    @Inject
    NoteService notes;

    @Inject
    ActivityReads reads;

    @GET
    public Uni<String> list(@Context UriInfo uriInfo) {
        return reads.list(callerContext.current(), ActivityType.NOTE, TABLE, uriInfo.getQueryParameters());
    }

    @POST
    public Uni<ObjectNode> create(JsonNode body, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        return notes.create(caller, NoteInput.forCreate(body, caller, callerContext.internalToken()))
                .map(note -> FieldSelection.parse(fields).apply(note.toJson()));
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
        return notes.update(caller, id, NoteInput.forUpdate(body, caller, callerContext.internalToken()))
                .map(note -> FieldSelection.parse(fields).apply(note.toJson()));
    }

    @DELETE
    @Path("{id}")
    public Uni<ObjectNode> delete(@PathParam("id") String id) {
        return notes.delete(callerContext.current(), id).replaceWith(JsonNodeFactory.instance.objectNode());
    }
}
