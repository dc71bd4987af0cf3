package io.leadline.core.savedsearch;

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
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

/** Close's {@code /saved_search/} endpoints (smart views). */
@Path("/api/v1/saved_search")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SavedSearchResource {

    static final ReadTable TABLE = ReadTable.builder()
            .from("saved_search ss")
            .organizationColumn("ss.organization_id")
            .idColumn("ss.id")
            .document("ss.doc")
            .filter("id", "ss.id", FilterType.STRING)
            .filter("type", "ss.search_type", FilterType.STRING)
            .orderBy("date_created", "ss.date_created")
            .orderBy("name", "ss.name")
            .defaultOrder("date_created")
            .maxLimit(100)
            .build();

    @Inject
    CallerContext callerContext;

    @Inject
    SavedSearchService searches;

    @Inject
    JsonReads reads;

    /** {@code type} defaults to {@code lead} (Close); {@code type__in=lead,contact} lists several. */
    @GET
    public Uni<String> list(@Context UriInfo uriInfo) {
        Caller caller = callerContext.current();
        MultivaluedMap<String, String> params = new MultivaluedHashMap<>(uriInfo.getQueryParameters());
        if (!params.containsKey("type") && !params.containsKey("type__in")) {
            params.putSingle("type", "lead");
        }
        ListQuery query = ListQuery.parse(params, TABLE);
        return reads.page(TABLE, caller.organizationId(), query, visibleTo(caller)).map(JsonPage::envelope);
    }

    @POST
    public Uni<ObjectNode> create(JsonNode body, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        SavedSearchInput input = SavedSearchInput.forCreate(body);
        return searches.create(caller, input).map(search -> FieldSelection.parse(fields).apply(SavedSearchJson.toJson(search)));
    }

    /** A view the caller can't see (another's private one, another organization's) is a 404. */
    @GET
    @Path("{id}")
    public Uni<String> get(@PathParam("id") String id, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        MultivaluedMap<String, String> params = new MultivaluedHashMap<>();
        params.putSingle("id", id);
        params.putSingle("_limit", "1");
        if (fields != null) {
            params.putSingle("_fields", fields);
        }
        ListQuery query = ListQuery.parse(params, TABLE);
        return reads.page(TABLE, caller.organizationId(), query, visibleTo(caller)).map(page -> {
            if (page.objects().isEmpty()) {
                throw CloseException.notFound();
            }
            return page.objects().get(0);
        });
    }

    @PUT
    @Path("{id}")
    public Uni<ObjectNode> update(@PathParam("id") String id, JsonNode body, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        SavedSearchInput input = SavedSearchInput.forUpdate(body);
        return searches.update(caller, id, input).map(search -> FieldSelection.parse(fields).apply(SavedSearchJson.toJson(search)));
    }

    @DELETE
    @Path("{id}")
    public Uni<ObjectNode> delete(@PathParam("id") String id) {
        Caller caller = callerContext.current();
        return searches.delete(caller, id).replaceWith(JsonNodeFactory.instance.objectNode());
    }

    private static SqlCondition visibleTo(Caller caller) {
        return parameters -> " and (ss.is_shared or ss.user_id = " + parameters.bind(caller.userId()) + ")";
    }
}
