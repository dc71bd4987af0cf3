package io.leadline.core.opportunitystatus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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

/** Close's {@code /status/opportunity/} endpoints. */
@Path("/api/v1/status/opportunity")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OpportunityStatusResource {

    static final ReadTable TABLE = ReadTable.builder()
            // In pipeline order, then each pipeline's status order, so a flat list reads like the pipelines page.
            .from("opportunity_status s join pipeline sp on sp.id = s.pipeline_id and sp.organization_id = s.organization_id")
            .organizationColumn("s.organization_id")
            .idColumn("s.id")
            .document("s.doc")
            .orderBy("position", "sp.position, sp.id, s.position")
            .defaultOrder("position")
            .build();

    @Inject
    CallerContext callerContext;

    @Inject
    JsonReads reads;

    @Inject
    OpportunityStatusService statuses;

    @GET
    public Uni<String> list(@QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        // An organization has a handful of these, so one page always holds all of them.
        ListQuery query = ListQuery.everything(TABLE, FieldSelection.parse(fields));
        return reads.page(TABLE, caller.organizationId(), query, SqlCondition.NONE).map(JsonPage::envelope);
    }

    @POST
    public Uni<ObjectNode> create(JsonNode body, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        return statuses.create(caller, OpportunityStatusInput.forCreate(body))
                .map(status -> FieldSelection.parse(fields).apply(OpportunityStatusJson.toJson(status)));
    }

    /** One status (older clients, e.g. the Node client, read statuses one by one). */
    @GET
    @Path("{id}")
    public Uni<String> get(@PathParam("id") String id, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        return reads.one(TABLE, caller.organizationId(), id, FieldSelection.parse(fields));
    }

    @PUT
    @Path("{id}")
    public Uni<ObjectNode> update(@PathParam("id") String id, JsonNode body, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        return statuses.update(caller, id, OpportunityStatusInput.forUpdate(body))
                .map(status -> FieldSelection.parse(fields).apply(OpportunityStatusJson.toJson(status)));
    }

    @DELETE
    @Path("{id}")
    public Uni<ObjectNode> delete(@PathParam("id") String id) {
        Caller caller = callerContext.current();
        return statuses.delete(caller, id).replaceWith(JsonNodeFactory.instance.objectNode());
    }
}
