package io.leadline.events.webhook;

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
import io.vertx.mutiny.core.Vertx;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

/** Close's {@code /webhook/} endpoints (NOTES §8). */
@Path("/api/v1/webhook")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhookResource {

    static final ReadTable TABLE = ReadTable.builder()
            .from("webhook w")
            .organizationColumn("w.organization_id")
            .idColumn("w.id")
            .document("w.doc")
            .filter("id", "w.id", FilterType.STRING)
            .filter("status", "w.status", FilterType.STRING)
            .orderBy("date_created", "w.date_created")
            .defaultOrder("date_created")
            .maxLimit(100)
            .build();

    @Inject
    CallerContext callerContext;

    @Inject
    WebhookService webhooks;

    @Inject
    SubscriptionCache cache;

    @Inject
    JsonReads reads;

    @Inject
    WebhooksConfig config;

    @Inject
    Vertx vertx;

    @GET
    public Uni<String> list(@Context UriInfo uriInfo) {
        Caller caller = callerContext.current();
        ListQuery query = ListQuery.parse(uriInfo.getQueryParameters(), TABLE);
        return reads.page(TABLE, caller.organizationId(), query, ownedBy(caller)).map(JsonPage::envelope);
    }

    @GET
    @Path("{id}")
    public Uni<String> get(@PathParam("id") String id, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        if (caller.isAdmin()) {
            return reads.one(TABLE, caller.organizationId(), id, FieldSelection.parse(fields));
        }
        // a non-admin reads only their own: the list statement narrowed to this id and to them
        MultivaluedHashMap<String, String> params = new MultivaluedHashMap<>();
        params.putSingle("id", id);
        if (fields != null) {
            params.putSingle("_fields", fields);
        }
        return reads.page(TABLE, caller.organizationId(), ListQuery.parse(params, TABLE), ownedBy(caller))
                .map(page -> {
                    if (page.objects().isEmpty()) {
                        throw CloseException.notFound();
                    }
                    return page.objects().get(0);
                });
    }

    @POST
    public Uni<RestResponse<ObjectNode>> create(JsonNode body, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        WebhookInput input = WebhookInput.forCreate(body);
        return checkUrl(input)
                .chain(() -> webhooks.create(caller, input))
                .invoke(() -> cache.invalidate(caller.organizationId()))
                .map(webhook -> RestResponse.status(Response.Status.CREATED,
                        FieldSelection.parse(fields).apply(WebhookJson.created(webhook))));
    }

    @PUT
    @Path("{id}")
    public Uni<ObjectNode> update(@PathParam("id") String id, JsonNode body, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        WebhookInput input = WebhookInput.forUpdate(body);
        return checkUrl(input)
                .chain(() -> webhooks.update(caller, id, input))
                .invoke(() -> cache.invalidate(caller.organizationId()))
                .map(webhook -> FieldSelection.parse(fields).apply(WebhookJson.toJson(webhook)));
    }

    @DELETE
    @Path("{id}")
    public Uni<ObjectNode> delete(@PathParam("id") String id) {
        Caller caller = callerContext.current();
        return webhooks.delete(caller, id)
                .invoke(() -> cache.invalidate(caller.organizationId()))
                .replaceWith(JsonNodeFactory.instance.objectNode());
    }

    /** Non-admins see only the subscriptions they created. */
    static SqlCondition ownedBy(Caller caller) {
        return caller.isAdmin() ? SqlCondition.NONE
                : parameters -> " and w.created_by = " + parameters.bind(caller.userId());
    }

    /**
     * Resolves the URL's host off the event loop (DNS blocks) and adds a {@code url} field error when it may not be
     * a receiver; the service then answers it with every other error of the body.
     */
    private Uni<Void> checkUrl(WebhookInput input) {
        if (input.url == null || input.body.errors().has("url")) {
            return Uni.createFrom().voidItem();
        }
        UrlSafety safety = UrlSafety.of(config);
        return vertx.executeBlocking(Uni.createFrom().item(() -> safety.problemWith(input.url)))
                .invoke(problem -> problem.ifPresent(message -> input.body.fail("url", message)))
                .replaceWithVoid();
    }
}
