package io.leadline.core.custom;

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
import io.leadline.platform.wire.CloseException;
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

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Close's {@code /custom_field/<owner>/} endpoints; {@link LegacyCustomFieldResource} serves the same handlers under
 * the legacy {@code /custom_fields/<owner>/} that older clients (the Singer tap, the Ruby gem) still read.
 */
@Path("/api/v1/custom_field/{owner}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomFieldResource {

    /** One table per owner; the owner is a constant of the statement, never a request's text. */
    static final Map<String, ReadTable> TABLES = CustomFieldOwner.ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Function.identity(), CustomFieldResource::tableOf));

    @Inject
    CallerContext callerContext;

    @Inject
    CustomFieldService fields;

    @Inject
    CustomFieldJobs jobs;

    @Inject
    JsonReads reads;

    /** The owner's table; an owner Close has but Leadline doesn't yet (custom_object_type) is a 404. */
    private static ReadTable table(String owner) {
        ReadTable table = TABLES.get(owner);
        if (table == null) {
            throw CloseException.notFound();
        }
        return table;
    }

    private static void requireKnownOwner(String owner) {
        table(owner);
    }

    private static ReadTable tableOf(String owner) {
        return ReadTable.builder()
                .from("(select * from custom_field where owner = '" + owner + "') cf")
                .organizationColumn("cf.organization_id")
                .idColumn("cf.id")
                .document("cf.doc")
                .filter("id", "cf.id", FilterType.STRING)
                .filter("type", "cf.field_type", FilterType.STRING)
                .filter("custom_activity_type_id", "cf.custom_activity_type_id", FilterType.STRING)
                .filter("custom_object_type_id", "cf.custom_object_type_id", FilterType.STRING)
                .orderBy("date_created", "cf.date_created")
                .orderBy("name", "cf.name")
                .defaultOrder("date_created")
                .maxLimit(100)
                .build();
    }

    @GET
    public Uni<String> list(@PathParam("owner") String owner, @Context UriInfo uriInfo) {
        Caller caller = callerContext.current();
        ReadTable table = table(owner);
        ListQuery query = ListQuery.parse(uriInfo.getQueryParameters(), table);
        return reads.page(table, caller.organizationId(), query, SqlCondition.NONE).map(JsonPage::envelope);
    }

    /** Close answers 201 for custom object fields (a newer endpoint) and 200 for the older owners (NOTES §13). */
    @POST
    public Uni<Response> create(@PathParam("owner") String owner, JsonNode body, @QueryParam("_fields") String fieldsParam) {
        Caller caller = callerContext.current();
        requireKnownOwner(owner);
        CustomFieldInput input = CustomFieldInput.forCreate(body, owner);
        return fields.create(caller, owner, input)
                .map(field -> Response.status(newerEndpoint(owner) ? Response.Status.CREATED : Response.Status.OK)
                        .entity(FieldSelection.parse(fieldsParam).apply(CustomFieldJson.toJson(field))).build());
    }

    private static boolean newerEndpoint(String owner) {
        return CustomFieldOwner.CUSTOM_OBJECT_TYPE.equals(owner);
    }

    @GET
    @Path("{id}")
    public Uni<String> get(@PathParam("owner") String owner, @PathParam("id") String id,
                           @QueryParam("_fields") String fieldsParam) {
        Caller caller = callerContext.current();
        return reads.one(table(owner), caller.organizationId(), id, FieldSelection.parse(fieldsParam));
    }

    @PUT
    @Path("{id}")
    public Uni<ObjectNode> update(@PathParam("owner") String owner, @PathParam("id") String id, JsonNode body,
                                  @QueryParam("_fields") String fieldsParam) {
        Caller caller = callerContext.current();
        requireKnownOwner(owner);
        CustomFieldInput input = CustomFieldInput.forUpdate(body, owner);
        return fields.update(caller, owner, id, input)
                .invoke(jobs::nudge)
                .map(field -> FieldSelection.parse(fieldsParam).apply(CustomFieldJson.toJson(field)));
    }

    /** 204 for custom object fields, 200 {@code {}} for the older owners (NOTES §13). */
    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("owner") String owner, @PathParam("id") String id) {
        Caller caller = callerContext.current();
        requireKnownOwner(owner);
        return fields.delete(caller, owner, id)
                .invoke(jobs::nudge)
                .map(ignored -> newerEndpoint(owner) ? Response.noContent().build()
                : Response.ok(JsonNodeFactory.instance.objectNode()).build());
    }
}
