package io.leadline.gateway.organization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.gateway.http.RequestIds;
import io.leadline.gateway.principal.CurrentPrincipal;
import io.leadline.gateway.principal.Principal;
import io.leadline.platform.wire.FieldSelection;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/organization/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationResource {

    @Inject
    CurrentPrincipal principal;

    @Inject
    OrganizationService organizations;

    @Inject
    CurrentVertxRequest request;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ObjectNode> update(@PathParam("id") String id, @QueryParam("_fields") String fields, JsonNode body) {
        FieldSelection selection = FieldSelection.parse(fields);
        String requestId = RequestIds.of(request.getCurrent());
        Principal caller = principal.get();
        OrganizationUpdate update = OrganizationUpdate.read(body);
        return organizations.update(caller, id, update, requestId)
                .chain(() -> organizations.details(caller, id, requestId))
                .map(selection::apply);
    }

    @GET
    public Uni<ObjectNode> get(@PathParam("id") String id, @QueryParam("_fields") String fields) {
        FieldSelection selection = FieldSelection.parse(fields);
        String requestId = RequestIds.of(request.getCurrent());
        return organizations.details(principal.get(), id, requestId).map(selection::apply);
    }
}
