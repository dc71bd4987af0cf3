package io.leadline.core.status;

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

/** Close's {@code /status/lead/} endpoints. */
@Path("/api/v1/status/lead")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LeadStatusResource {

    @Inject
    CallerContext callerContext;

    @Inject
    LeadStatusService statuses;

    @GET
    public Uni<ListPage<ObjectNode>> list(@QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        FieldSelection selection = FieldSelection.parse(fields);
        // An organization has a handful of statuses, so one page always holds all of them.
        return statuses.list(caller).map(rows -> new ListPage<>(
                rows.stream().map(status -> selection.apply(LeadStatusJson.toJson(status))).toList(), false, null));
    }

    @POST
    public Uni<ObjectNode> create(JsonNode body, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        return statuses.create(caller, LeadStatusInput.forCreate(body))
                .map(status -> FieldSelection.parse(fields).apply(LeadStatusJson.toJson(status)));
    }

    @PUT
    @Path("{id}")
    public Uni<ObjectNode> update(@PathParam("id") String id, JsonNode body, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        return statuses.update(caller, id, LeadStatusInput.forUpdate(body))
                .map(status -> FieldSelection.parse(fields).apply(LeadStatusJson.toJson(status)));
    }

    @DELETE
    @Path("{id}")
    public Uni<ObjectNode> delete(@PathParam("id") String id) {
        Caller caller = callerContext.current();
        return statuses.delete(caller, id).replaceWith(JsonNodeFactory.instance.objectNode());
    }
}
