package io.leadline.activities.customactivity;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.platform.read.FilterType;
import io.leadline.platform.read.JsonPage;
import io.leadline.platform.read.JsonReads;
import io.leadline.platform.read.ListQuery;
import io.leadline.platform.read.ReadTable;
import io.leadline.platform.read.SqlCondition;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Close's {@code /custom_activity/} endpoints. Reads answer from the stored documents with {@code fields} composed
 * from the projection of crm-core's activity custom fields; writes answer with the fields read back the same way.
 */
@Path("/api/v1/custom_activity")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomActivityTypeResource {

    static final ReadTable TABLE = ReadTable.builder()
            .from("custom_activity_type t")
            .organizationColumn("t.organization_id")
            .idColumn("t.id")
            .document("t.doc")
            .composed("fields", CustomActivityFields.FIELDS_OF_TYPE)
            .filter("id", "t.id", FilterType.STRING)
            .orderBy("date_created", "t.date_created")
            .orderBy("name", "t.name")
            .defaultOrder("date_created")
            .maxLimit(100)
            .build();

    @Inject
    CallerContext callerContext;

    @Inject
    CustomActivityTypeService types;

    @Inject
    JsonReads reads;

    @GET
    public Uni<String> list(@Context UriInfo uriInfo) {
        ListQuery query = ListQuery.parse(uriInfo.getQueryParameters(), TABLE);
        return reads.page(TABLE, callerContext.current().organizationId(), query, SqlCondition.NONE)
                .map(JsonPage::envelope);
    }

    @GET
    @Path("{id}")
    public Uni<String> get(@PathParam("id") String id, @QueryParam("_fields") String fields) {
        return reads.one(TABLE, callerContext.current().organizationId(), id, FieldSelection.parse(fields));
    }

    /** 201 and 204 below are Close's codes for this path (NOTES §13), unlike the activities' own 200s. */
    @POST
    public Uni<Response> create(JsonNode body, @QueryParam("_fields") String fields) {
        return types.create(callerContext.current(), CustomActivityTypeInput.forCreate(body))
                .chain(type -> get(type.id, fields))
                .map(json -> Response.status(Response.Status.CREATED).entity(json).build());
    }

    @PUT
    @Path("{id}")
    public Uni<String> update(@PathParam("id") String id, JsonNode body, @QueryParam("_fields") String fields) {
        return types.update(callerContext.current(), id, CustomActivityTypeInput.forUpdate(body))
                .chain(type -> get(type.id, fields));
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        return types.delete(callerContext.current(), id).map(ignored -> Response.noContent().build());
    }
}
