package io.leadline.gateway.group;

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

/** Close's {@code /group/} (NOTES §13: POST 201, DELETE 204). */
@Path("/api/v1/group")
@Produces(MediaType.APPLICATION_JSON)
public class GroupResource {

    @Inject
    CurrentPrincipal principal;

    @Inject
    GroupService groups;

    @Inject
    CurrentVertxRequest request;

    @GET
    @Path("/")
    public Uni<ObjectNode> list(@QueryParam("_fields") String fields) {
        FieldSelection selection = FieldSelection.parse(fields);
        return groups.list(principal.get(), selection);
    }

    @POST
    @Path("/")
    @ResponseStatus(201)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ObjectNode> create(JsonNode body, @QueryParam("_fields") String fields) {
        FieldSelection selection = FieldSelection.parse(fields);
        return groups.create(principal.get(), body, requestId()).map(selection::apply);
    }

    @GET
    @Path("{id}")
    public Uni<ObjectNode> get(@PathParam("id") String id, @QueryParam("_fields") String fields) {
        FieldSelection selection = FieldSelection.parse(fields);
        return groups.get(principal.get(), id).map(selection::apply);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ObjectNode> rename(@PathParam("id") String id, JsonNode body, @QueryParam("_fields") String fields) {
        FieldSelection selection = FieldSelection.parse(fields);
        return groups.rename(principal.get(), id, body, requestId()).map(selection::apply);
    }

    @DELETE
    @Path("{id}")
    @ResponseStatus(204)
    public Uni<Void> delete(@PathParam("id") String id) {
        return groups.delete(principal.get(), id, requestId());
    }

    @POST
    @Path("{id}/member")
    @ResponseStatus(201)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ObjectNode> addMember(@PathParam("id") String id, JsonNode body) {
        return groups.addMember(principal.get(), id, body, requestId());
    }

    @DELETE
    @Path("{id}/member/{userId}")
    @ResponseStatus(204)
    public Uni<Void> removeMember(@PathParam("id") String id, @PathParam("userId") String userId) {
        return groups.removeMember(principal.get(), id, userId, requestId());
    }

    private String requestId() {
        return RequestIds.of(request.getCurrent());
    }
}
