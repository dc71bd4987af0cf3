package io.leadline.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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

/** Close's {@code /status/opportunity/} endpoints. */
@Path("/api/v1/status/opportunity")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OpportunityStatusResource {

    @Inject
    CallerContext callerContext;

    @Inject
    OpportunityStatusService statuses;

    @GET
    public Uni<ListPage<ObjectNode>> list(@QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        FieldSelection selection = FieldSelection.parse(fields);
        return statuses.list(caller).map(rows -> new ListPage<>(
                rows.stream().map(status -> selection.apply(PipelineJson.statusJson(status))).toList(), false, null));
    }

    @POST
    public Uni<ObjectNode> create(JsonNode body, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        return statuses.create(caller, OpportunityStatusInput.forCreate(body))
                .map(status -> FieldSelection.parse(fields).apply(PipelineJson.statusJson(status)));
    }

    @PUT
    @Path("{id}")
    public Uni<ObjectNode> update(@PathParam("id") String id, JsonNode body, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        return statuses.update(caller, id, OpportunityStatusInput.forUpdate(body))
                .map(status -> FieldSelection.parse(fields).apply(PipelineJson.statusJson(status)));
    }

    @DELETE
    @Path("{id}")
    public Uni<ObjectNode> delete(@PathParam("id") String id) {
        Caller caller = callerContext.current();
        return statuses.delete(caller, id).replaceWith(JsonNodeFactory.instance.objectNode());
    }
}
