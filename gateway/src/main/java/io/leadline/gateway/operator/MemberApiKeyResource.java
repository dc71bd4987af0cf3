package io.leadline.gateway.operator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /admin/v1/organizations/{id}/memberships/{membershipId}/api-keys}: a member's keys, for the operator. */
@Path("/admin/v1/organizations/{id}/memberships/{membershipId}/api-keys")
@Produces(MediaType.APPLICATION_JSON)
public class MemberApiKeyResource {

    @Inject
    OperatorAuthorization operator;

    @Inject
    MemberApiKeys keys;

    @POST
    public Uni<Response> issue(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                               @PathParam("id") String organizationId, @PathParam("membershipId") String membershipId) {
        operator.require(authorization);
        return keys.issue(organizationId, membershipId).map(key -> Response.status(201).entity(key).build());
    }

    @GET
    public Uni<ObjectNode> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                @PathParam("id") String organizationId, @PathParam("membershipId") String membershipId) {
        operator.require(authorization);
        return keys.list(organizationId, membershipId);
    }

    @DELETE
    @Path("{keyId}")
    public Uni<Response> revoke(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                @PathParam("id") String organizationId, @PathParam("membershipId") String membershipId,
                                @PathParam("keyId") String keyId) {
        operator.require(authorization);
        return keys.revoke(organizationId, membershipId, keyId).replaceWith(Response.noContent().build());
    }
}
