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
 * order, {@code {"fields": [field, …]}}; PUT reorders. Activity and custom object schemas come with those types.
 */
@Path("/api/v1/custom_field_schema/{owner}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomFieldSchemaResource {

    private static final String SCHEMA = "select jsonb_build_object('fields', coalesce(jsonb_agg(cf.doc"
            + " order by cf.position, cf.id), '[]'::jsonb))::text from custom_field cf"
            + " where cf.organization_id = $1 and cf.owner = $2";

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
        Caller caller = callerContext.current();
        SqlParameters parameters = new SqlParameters();
        parameters.bind(caller.organizationId());
        parameters.bind(owner);
        return reads.execute(new ReadStatement(SCHEMA, parameters)).map(rows -> rows.iterator().next().getString(0));
    }

    @PUT
    public Uni<ObjectNode> reorder(@PathParam("owner") String owner, JsonNode body) {
        requireSchemaOwner(owner);
        Caller caller = callerContext.current();
        return fields.reorder(caller, owner, CustomFieldSchemaInput.of(body));
    }
}
