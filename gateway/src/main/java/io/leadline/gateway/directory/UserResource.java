package io.leadline.gateway.directory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.gateway.principal.CurrentPrincipal;
import io.leadline.platform.wire.FieldSelection;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/user")
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    @Inject
    CurrentPrincipal principal;

    @Inject
    UserService users;

    @GET
    public Uni<ObjectNode> list(@QueryParam("_order_by") String orderBy, @QueryParam("_skip") String skip,
                                @QueryParam("_limit") String limit, @QueryParam("_fields") String fields) {
        return users.list(principal.get(), UserListQuery.parse(orderBy, skip, limit, fields));
    }

    @GET
    @Path("availability")
    public Uni<ObjectNode> availability(@QueryParam("organization_id") String organizationId) {
        return users.availability(principal.get(), organizationId);
    }

    @GET
    @Path("{id}")
    public Uni<ObjectNode> get(@PathParam("id") String id, @QueryParam("_fields") String fields) {
        return users.get(principal.get(), id, FieldSelection.parse(fields));
    }
}
