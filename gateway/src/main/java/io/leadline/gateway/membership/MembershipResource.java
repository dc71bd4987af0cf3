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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code PUT /membership/{id}/}; {@code POST /membership/} is the operator package's (it provisions people). */
@Path("/api/v1/membership/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class MembershipResource {

    @Inject
    CurrentPrincipal principal;

    @Inject
    MembershipService memberships;

    @Inject
    CurrentVertxRequest request;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ObjectNode> update(@PathParam("id") String id, JsonNode body, @QueryParam("_fields") String fields) {
        FieldSelection selection = FieldSelection.parse(fields);
        return memberships.update(principal.get(), id, body, RequestIds.of(request.getCurrent()))
                .map(selection::apply);
    }
}
