package io.leadline.gateway.membership;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.gateway.http.RequestIds;
import io.leadline.gateway.principal.CurrentPrincipal;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Close's bulk {@code PUT /membership/}: the fields of {@code PUT /membership/{id}/} for every membership whose id is
 * in {@code id__in}, given in the body's {@code _params} (as Close documents) or in the query string.
 */
@Path("/api/v1/membership")
@Produces(MediaType.APPLICATION_JSON)
public class MembershipBulkResource {

    @Inject
    CurrentPrincipal principal;

    @Inject
    MembershipService memberships;

    @Inject
    CurrentVertxRequest request;

    @PUT
    @Path("/")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ObjectNode> bulkUpdate(@QueryParam("id__in") String idIn, JsonNode body) {
        return memberships.bulkUpdate(principal.get(), BulkIds.read(idIn, body), body,
                RequestIds.of(request.getCurrent()));
    }
}
