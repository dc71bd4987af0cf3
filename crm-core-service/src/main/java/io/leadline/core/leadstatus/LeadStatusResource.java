package io.leadline.core.leadstatus;

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

/** Close's {@code /status/lead/} endpoints. */
@Path("/api/v1/status/lead")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LeadStatusResource {

    static final ReadTable TABLE = ReadTable.builder()
            .from("lead_status ls")
            .organizationColumn("ls.organization_id")
            .idColumn("ls.id")
            .document("ls.doc")
            .orderBy("position", "ls.position")
            .defaultOrder("position")
            .build();

    @Inject
    CallerContext callerContext;

    @Inject
    JsonReads reads;

    @Inject
    LeadStatusService statuses;

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
        return statuses.create(caller, LeadStatusInput.forCreate(body))
                .map(status -> FieldSelection.parse(fields).apply(LeadStatusJson.toJson(status)));
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
