package io.leadline.core.integrationlink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.security.Caller;
import io.leadline.platform.security.CallerContext;
import io.leadline.platform.wire.FieldSelection;
import io.leadline.platform.wire.FilterType;
import io.leadline.platform.wire.ListPage;
import io.leadline.platform.wire.ListQuery;
import io.leadline.platform.wire.ListSpec;
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

    static final ListSpec LIST = ListSpec.builder()
            .maxLimit(100)
            .filter("id", "id", FilterType.STRING)
            .filter("type", "type", FilterType.STRING)
            .orderBy("date_created", "dateCreated")
            .orderBy("name", "name")
            .defaultOrder("date_created")
            .build();

    @Inject
    CallerContext callerContext;

    @Inject
    IntegrationLinkService links;

    @GET
    public Uni<ListPage<ObjectNode>> list(@Context UriInfo uriInfo) {
        Caller caller = callerContext.current();
        ListQuery query = ListQuery.parse(uriInfo.getQueryParameters(), LIST);
        FieldSelection fields = query.fields();
        return links.list(caller, query).map(page -> new ListPage<>(
                page.data().stream().map(link -> fields.apply(IntegrationLinkJson.toJson(link))).toList(),
                page.hasMore(), null));
    }

    @POST
    public Uni<ObjectNode> create(JsonNode body, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        IntegrationLinkInput input = IntegrationLinkInput.forCreate(body);
        return links.create(caller, input).map(link -> FieldSelection.parse(fields).apply(IntegrationLinkJson.toJson(link)));
    }

    @GET
    @Path("{id}")
    public Uni<ObjectNode> get(@PathParam("id") String id, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        return links.get(caller, id).map(link -> FieldSelection.parse(fields).apply(IntegrationLinkJson.toJson(link)));
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
