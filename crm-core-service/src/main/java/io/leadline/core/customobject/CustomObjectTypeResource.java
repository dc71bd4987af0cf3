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
 * Close's {@code /custom_object_type/} endpoints. Writes answer what a GET answers (read back after their commit),
 * because {@code fields} and {@code back_reference_fields} are composed from the custom field rows.
 */
@Path("/api/v1/custom_object_type")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomObjectTypeResource {

    /** The type's fields in schema order; a field of any owner whose custom_object values reference the type. */
    static final ReadTable TABLE = ReadTable.builder()
            .from("custom_object_type cot")
            .organizationColumn("cot.organization_id")
            .idColumn("cot.id")
            .document("cot.doc")
            .composed("fields", "coalesce((select jsonb_agg(cf.doc order by cf.position, cf.id) from custom_field cf"
                    + " where cf.organization_id = cot.organization_id and cf.owner = 'custom_object_type'"
                    + " and cf.custom_object_type_id = cot.id), '[]'::jsonb)")
            .composed("back_reference_fields", "coalesce((select jsonb_agg(cf.doc || jsonb_build_object('owner',"
                    + " cf.owner) order by cf.owner, cf.position, cf.id) from custom_field cf"
                    + " where cf.organization_id = cot.organization_id and cf.field_type = 'custom_object'"
                    + " and cf.referenced_custom_type_id = cot.id), '[]'::jsonb)")
            .filter("id", "cot.id", FilterType.STRING)
            .orderBy("date_created", "cot.date_created")
            .orderBy("name", "cot.name")
            .defaultOrder("date_created")
            .maxLimit(100)
            .build();

    @Inject
    CallerContext callerContext;

    @Inject
    CustomObjectTypeService types;

    @Inject
    JsonReads reads;

    @GET
    public Uni<String> list(@Context UriInfo uriInfo) {
        Caller caller = callerContext.current();
        ListQuery query = ListQuery.parse(uriInfo.getQueryParameters(), TABLE);
        return reads.page(TABLE, caller.organizationId(), query, SqlCondition.NONE).map(JsonPage::envelope);
    }

    @POST
    public Uni<Response> create(JsonNode body, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        return types.create(caller, CustomObjectTypeInput.forCreate(body))
                .chain(type -> get(type.id, fields))
                .map(json -> Response.status(Response.Status.CREATED).entity(json).build());
    }

    @GET
    @Path("{id}")
    public Uni<String> get(@PathParam("id") String id, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        return reads.one(TABLE, caller.organizationId(), id, FieldSelection.parse(fields));
    }

    @PUT
    @Path("{id}")
    public Uni<String> update(@PathParam("id") String id, JsonNode body, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        return types.update(caller, id, CustomObjectTypeInput.forUpdate(body)).chain(type -> get(type.id, fields));
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        Caller caller = callerContext.current();
        return types.delete(caller, id).map(ignored -> Response.noContent().build());
    }
}
