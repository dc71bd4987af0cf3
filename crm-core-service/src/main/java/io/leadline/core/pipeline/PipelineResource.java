package io.leadline.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.security.Caller;
import io.leadline.platform.security.CallerContext;
import io.leadline.platform.wire.FieldSelection;
import io.leadline.platform.wire.ListPage;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Close's {@code /pipeline/} endpoints (a newer resource: POST 201, DELETE 204). */
@Path("/api/v1/pipeline")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PipelineResource {

    @Inject
    CallerContext callerContext;

    @Inject
    PipelineService pipelines;

    @GET
    public Uni<ListPage<ObjectNode>> list(@QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        FieldSelection selection = FieldSelection.parse(fields);
        // An organization has a handful of pipelines, so one page always holds all of them.
        return pipelines.list(caller).map(rows -> new ListPage<>(rows.stream().map(selection::apply).toList(), false, null));
    }

    @POST
    public Uni<Response> create(JsonNode body, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        return pipelines.create(caller, PipelineInput.forCreate(body)).map(pipeline ->
                Response.status(Response.Status.CREATED).entity(FieldSelection.parse(fields).apply(pipeline)).build());
    }

    @PUT
    @Path("{id}")
    public Uni<ObjectNode> update(@PathParam("id") String id, JsonNode body, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        return pipelines.update(caller, id, PipelineInput.forUpdate(body)).map(FieldSelection.parse(fields)::apply);
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        Caller caller = callerContext.current();
        return pipelines.delete(caller, id).map(ignored -> Response.noContent().build());
    }
}
