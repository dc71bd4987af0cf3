package io.leadline.core.custom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.read.JsonReads;
import io.leadline.platform.read.ReadStatement;
import io.leadline.platform.read.SqlParameters;
import io.leadline.platform.security.Caller;
import io.leadline.platform.security.CallerContext;
import io.leadline.platform.wire.CloseException;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /custom_field_schema/<lead|contact|opportunity>/}: every field of the object type in the organization's
 * order, {@code {"fields": [field, …]}}; PUT reorders. {@code /custom_field_schema/custom_object/<type id>/}: the
 * fields of one custom object type. Activity schemas come with custom activity types.
 */
@Path("/api/v1/custom_field_schema/{owner}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomFieldSchemaResource {

    /**
     * A scope's fields ($1 organization, $2 owner, $3 association object_type, $4 parent type id or ''): the owner's
     * own and the associated shared fields, ordered by their own or their association's position.
     */
    private static final String SCHEMA = "select jsonb_build_object('fields', coalesce(jsonb_agg(cf.doc order by"
            + " coalesce((select (a ->> 'position')::int from jsonb_array_elements(cf.associations -> 'items') a"
            + " where a ->> 'object_type' = $3 and a ->> 'parent_id' = $4), cf.position), cf.id), '[]'::jsonb))::text"
            + " from custom_field cf where cf.organization_id = $1 and ((cf.owner = $2"
            + " and coalesce(cf.custom_activity_type_id, cf.custom_object_type_id, '') = $4) or (cf.owner = 'shared'"
            + " and cf.associations -> 'items' @> jsonb_build_array(jsonb_build_object('object_type', $3::text,"
            + " 'parent_id', $4::text))))";
    /** A custom object type's schema, null when the organization has no such type. */
    private static final String OBJECT_TYPE_SCHEMA = "select case when exists (select 1 from custom_object_type t"
            + " where t.organization_id = $1 and t.id = $4) then (" + SCHEMA + ") end";
    private static final String CUSTOM_OBJECT = "custom_object";

    @Inject
    CallerContext callerContext;

    @Inject
    CustomFieldService fields;

    @Inject
    JsonReads reads;

    /** Schemas of custom activity types and custom object types come with those types: 404 until then. */
    private static void requireSchemaOwner(String owner) {
        if (!CustomFieldOwner.OF_CORE_OBJECTS.contains(owner)) {
            throw CloseException.notFound();
        }
    }

    @GET
    public Uni<String> get(@PathParam("owner") String owner) {
        requireSchemaOwner(owner);
        return schema(SCHEMA, FieldScope.of(owner));
    }

    @PUT
    public Uni<ObjectNode> reorder(@PathParam("owner") String owner, JsonNode body) {
        requireSchemaOwner(owner);
        Caller caller = callerContext.current();
        return fields.reorder(caller, owner, CustomFieldSchemaInput.of(body));
    }

    /** A custom object type's schema; an unknown type (or another organization's) is a 404. */
    @GET
    @Path("{typeId}")
    public Uni<String> getOfType(@PathParam("owner") String owner, @PathParam("typeId") String typeId) {
        requireCustomObject(owner);
        return schema(OBJECT_TYPE_SCHEMA, FieldScope.customObjectType(typeId));
    }

    private Uni<String> schema(String sql, FieldScope scope) {
        Caller caller = callerContext.current();
        SqlParameters parameters = new SqlParameters();
        parameters.bind(caller.organizationId());
        parameters.bind(scope.owner());
        parameters.bind(scope.objectType());
        parameters.bind(scope.parentId());
        return reads.execute(new ReadStatement(sql, parameters)).map(rows -> {
            String schema = rows.iterator().next().getString(0);
            if (schema == null) {
                throw CloseException.notFound();
            }
            return schema;
        });
    }

    @PUT
    @Path("{typeId}")
    public Uni<ObjectNode> reorderOfType(@PathParam("owner") String owner, @PathParam("typeId") String typeId,
                                         JsonNode body) {
        requireCustomObject(owner);
        Caller caller = callerContext.current();
        return fields.reorderObjectType(caller, typeId, CustomFieldSchemaInput.of(body));
    }

    private static void requireCustomObject(String owner) {
        if (!CUSTOM_OBJECT.equals(owner)) {
            throw CloseException.notFound();
        }
    }
}
