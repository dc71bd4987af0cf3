package io.leadline.core.customobject;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.platform.read.FilterType;
import io.leadline.platform.read.JsonPage;
import io.leadline.platform.read.JsonReads;
import io.leadline.platform.read.ListQuery;
import io.leadline.platform.read.ReadTable;
import io.leadline.platform.read.SqlCondition;
import io.leadline.platform.security.Caller;
import io.leadline.platform.security.CallerContext;
import io.leadline.platform.wire.FieldErrors;
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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Close's {@code /custom_object/} endpoints: a list always names its lead (NOTES §5.6). */
@Path("/api/v1/custom_object")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomObjectResource {

    static final ReadTable TABLE = ReadTable.builder()
            .from("custom_object co")
            .organizationColumn("co.organization_id")
            .idColumn("co.id")
            .document("co.doc")
            .filter("id", "co.id", FilterType.STRING)
            .filter("lead_id", "co.lead_id", FilterType.STRING)
            .filter("custom_object_type_id", "co.custom_object_type_id", FilterType.STRING)
            .orderBy("date_created", "co.date_created")
            .orderBy("date_updated", "co.date_updated")
            .orderBy("name", "co.name")
            .defaultOrder("date_created")
            .maxLimit(100)
            .build();

    @Inject
    CallerContext callerContext;

    @Inject
    CustomObjectService objects;

    @Inject
    JsonReads reads;

    @GET
    public Uni<String> list(@Context UriInfo uriInfo) {
        Caller caller = callerContext.current();
        MultivaluedMap<String, String> params = uriInfo.getQueryParameters();
        String leadId = params.getFirst(CustomObjectInput.LEAD_ID);
        if (leadId == null || leadId.isBlank()) {
            FieldErrors errors = new FieldErrors();
            errors.add(CustomObjectInput.LEAD_ID, "This field is required.");
            errors.throwIfAny();
        }
        ListQuery query = ListQuery.parse(params, TABLE);
        return reads.page(TABLE, caller.organizationId(), query, SqlCondition.NONE).map(JsonPage::envelope);
    }

    @POST
    public Uni<Response> create(JsonNode body, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        return objects.create(caller, CustomObjectInput.forCreate(body)).map(object -> Response
                .status(Response.Status.CREATED)
                .entity(FieldSelection.parse(fields).apply(CustomObjectJson.toJson(object))).build());
    }

    @GET
    @Path("{id}")
    public Uni<String> get(@PathParam("id") String id, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        return reads.one(TABLE, caller.organizationId(), id, FieldSelection.parse(fields));
    }

    @PUT
    @Path("{id}")
    public Uni<Response> update(@PathParam("id") String id, JsonNode body, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        return objects.update(caller, id, CustomObjectInput.forUpdate(body)).map(object -> Response
                .ok(FieldSelection.parse(fields).apply(CustomObjectJson.toJson(object))).build());
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        Caller caller = callerContext.current();
        return objects.delete(caller, id).map(ignored -> Response.noContent().build());
    }
}
