package io.leadline.gateway.membership;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.gateway.http.RequestIds;
import io.leadline.gateway.principal.CurrentPrincipal;
import io.leadline.platform.wire.FieldSelection;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code PUT}/{@code DELETE /membership/{id}/} and its pinned views; {@code POST /membership/} is the operator
 * package's (it provisions people), the bulk {@code PUT /membership/} is {@link MembershipBulkResource}.
 */
@Path("/api/v1/membership/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class MembershipResource {

    @Inject
    CurrentPrincipal principal;

    @Inject
    MembershipService memberships;

    @Inject
    PinnedViews pinnedViews;

    @Inject
    CurrentVertxRequest request;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ObjectNode> update(@PathParam("id") String id, JsonNode body, @QueryParam("_fields") String fields) {
        FieldSelection selection = FieldSelection.parse(fields);
        return memberships.update(principal.get(), id, body, RequestIds.of(request.getCurrent()))
                .map(selection::apply);
    }

    /** Deactivates the member (Close documents DELETE as deactivation): 200 {@code {}}. */
    @DELETE
    public Uni<ObjectNode> deactivate(@PathParam("id") String id) {
        return memberships.deactivate(principal.get(), id, RequestIds.of(request.getCurrent()));
    }

    @GET
    @Path("pinned_views")
    public Uni<ObjectNode> pinnedViews(@PathParam("id") String id) {
        return pinnedViews.get(principal.get(), id);
    }

    @PUT
    @Path("pinned_views")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ObjectNode> pinViews(@PathParam("id") String id, JsonNode body) {
        return pinnedViews.set(principal.get(), id, body);
    }
}
