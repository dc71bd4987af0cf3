package io.leadline.gateway.role;

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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.ResponseStatus;

@Path("/api/v1/role")
@Produces(MediaType.APPLICATION_JSON)
public class RoleResource {

    @Inject
    CurrentPrincipal principal;

    @Inject
    RoleService roles;

    @Inject
    CurrentVertxRequest request;

    @GET
    @Path("/")
    public Uni<ObjectNode> list() {
        return roles.list(principal.get());
    }

    @POST
    @Path("/")
    @ResponseStatus(201)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ObjectNode> create(JsonNode body, @QueryParam("_fields") String fields) {
        FieldSelection selection = FieldSelection.parse(fields);
        return roles.create(principal.get(), body, RequestIds.of(request.getCurrent())).map(selection::apply);
    }

    @GET
    @Path("{id}")
    public Uni<ObjectNode> get(@PathParam("id") String id, @QueryParam("_fields") String fields) {
        FieldSelection selection = FieldSelection.parse(fields);
        return roles.get(principal.get(), id).map(selection::apply);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ObjectNode> update(@PathParam("id") String id, JsonNode body, @QueryParam("_fields") String fields) {
        FieldSelection selection = FieldSelection.parse(fields);
        return roles.update(principal.get(), id, body, RequestIds.of(request.getCurrent())).map(selection::apply);
    }

    @DELETE
    @Path("{id}")
    public Uni<ObjectNode> delete(@PathParam("id") String id) {
        return roles.delete(principal.get(), id, RequestIds.of(request.getCurrent()));
    }
}
