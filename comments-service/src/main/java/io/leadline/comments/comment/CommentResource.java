package io.leadline.comments.comment;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.platform.read.FilterType;
import io.leadline.platform.read.JsonPage;
import io.leadline.platform.read.JsonReads;
import io.leadline.platform.read.ListQuery;
import io.leadline.platform.read.ReadTable;
import io.leadline.platform.read.SqlCondition;
import io.leadline.platform.security.Caller;
import io.leadline.platform.security.CallerContext;
import io.leadline.platform.wire.FieldSelection;
import io.leadline.platform.wire.ValidationException;
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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Close's {@code /comment/} endpoints (a newer resource: POST 201, DELETE 204). */
@Path("/api/v1/comment")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CommentResource {

    /** {@code lead_id} from the column: it follows the object to another lead. */
    static final ReadTable TABLE = ReadTable.builder()
            .from("comment c")
            .organizationColumn("c.organization_id")
            .idColumn("c.id")
            .document("c.doc")
            .composed("lead_id", "c.lead_id")
            .filter("object_id", "c.object_id", FilterType.STRING)
            .filter("thread_id", "c.thread_id", FilterType.STRING)
            .orderBy("date_created", "c.date_created")
            .defaultOrder("date_created")
            .maxLimit(100)
            .build();

    @Inject
    CallerContext callerContext;

    @Inject
    CommentService comments;

    @Inject
    JsonReads reads;

    /** A thread's comments in the order they were written; exactly one of {@code object_id}, {@code thread_id}. */
    @GET
    public Uni<String> list(@Context UriInfo uriInfo) {
        Caller caller = callerContext.current();
        MultivaluedMap<String, String> params = uriInfo.getQueryParameters();
        if (params.containsKey("object_id") == params.containsKey("thread_id")) {
            throw ValidationException.of("Exactly one of object_id or thread_id must be provided.");
        }
        ListQuery query = ListQuery.parse(params, TABLE);
        return reads.page(TABLE, caller.organizationId(), query, SqlCondition.NONE).map(JsonPage::envelope);
    }

    @POST
    public Uni<Response> create(JsonNode body, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        CommentInput input = CommentInput.forCreate(body);
        return comments.create(caller, callerContext.internalToken(), input).map(comment -> Response.status(Response.Status.CREATED)
                .entity(FieldSelection.parse(fields).apply(CommentJson.toJson(comment))).build());
    }

    @GET
    @Path("{id}")
    public Uni<String> get(@PathParam("id") String id, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        return reads.one(TABLE, caller.organizationId(), id, FieldSelection.parse(fields));
    }

    @PUT
    @Path("{id}")
    public Uni<JsonNode> update(@PathParam("id") String id, JsonNode body, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        CommentInput input = CommentInput.forUpdate(body);
        return comments.update(caller, id, input).map(comment -> FieldSelection.parse(fields).apply(CommentJson.toJson(comment)));
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        Caller caller = callerContext.current();
        return comments.remove(caller, id).map(ignored -> Response.noContent().build());
    }
}
