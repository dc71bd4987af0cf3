package io.leadline.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.read.JsonPage;
import io.leadline.platform.read.JsonReads;
import io.leadline.platform.read.ListQuery;
import io.leadline.platform.read.ReadTable;
import io.leadline.platform.read.SqlCondition;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Close's {@code /pipeline/} endpoints (a newer resource: POST 201, DELETE 204). */
@Path("/api/v1/pipeline")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PipelineResource {

    static final ReadTable TABLE = ReadTable.builder()
            .from("pipeline p")
            .organizationColumn("p.organization_id")
            .idColumn("p.id")
            .document("p.doc")
            // Its statuses in their order, read by join so that renames and moves show at once.
            .composed("statuses", "coalesce((select jsonb_agg(ps.doc order by ps.position, ps.id)"
                    + " from opportunity_status ps where ps.organization_id = p.organization_id"
                    + " and ps.pipeline_id = p.id), '[]'::jsonb)")
            .orderBy("position", "p.position")
            .defaultOrder("position")
            .build();

    @Inject
    CallerContext callerContext;

    @Inject
    JsonReads reads;

    @Inject
    PipelineService pipelines;

    @GET
    public Uni<String> list(@QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        // An organization has a handful of these, so one page always holds all of them.
        ListQuery query = ListQuery.everything(TABLE, FieldSelection.parse(fields));
        return reads.page(TABLE, caller.organizationId(), query, SqlCondition.NONE).map(JsonPage::envelope);
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
