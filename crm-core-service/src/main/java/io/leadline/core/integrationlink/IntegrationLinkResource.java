package io.leadline.core.integrationlink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.read.FilterType;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** Close's {@code /integration_link/} endpoints. */
@Path("/api/v1/integration_link")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IntegrationLinkResource {

    static final ReadTable TABLE = ReadTable.builder()
            .from("integration_link il")
            .organizationColumn("il.organization_id")
            .idColumn("il.id")
            .document("il.doc")
            .filter("id", "il.id", FilterType.STRING)
            .filter("type", "il.link_type", FilterType.STRING)
            .orderBy("date_created", "il.date_created")
            .orderBy("name", "il.name")
            .defaultOrder("date_created")
            .maxLimit(100)
            .build();

    @Inject
    CallerContext callerContext;

    @Inject
    IntegrationLinkService links;

    @Inject
    JsonReads reads;

    @GET
    public Uni<String> list(@Context UriInfo uriInfo) {
        Caller caller = callerContext.current();
        ListQuery query = ListQuery.parse(uriInfo.getQueryParameters(), TABLE);
        return reads.page(TABLE, caller.organizationId(), query, SqlCondition.NONE).map(JsonPage::envelope);
    }

    @POST
    public Uni<ObjectNode> create(JsonNode body, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        IntegrationLinkInput input = IntegrationLinkInput.forCreate(body);
        return links.create(caller, input).map(link -> FieldSelection.parse(fields).apply(IntegrationLinkJson.toJson(link)));
    }

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
        IntegrationLinkInput input = IntegrationLinkInput.forUpdate(body);
        return links.update(caller, id, input).map(link -> FieldSelection.parse(fields).apply(IntegrationLinkJson.toJson(link)));
    }

    @DELETE
    @Path("{id}")
    public Uni<ObjectNode> delete(@PathParam("id") String id) {
        Caller caller = callerContext.current();
        return links.delete(caller, id).replaceWith(JsonNodeFactory.instance.objectNode());
    }
}
