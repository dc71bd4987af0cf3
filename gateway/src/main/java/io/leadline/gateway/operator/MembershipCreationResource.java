package io.leadline.gateway.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.gateway.http.RequestIds;
import io.leadline.gateway.membership.MembershipJson;
import io.leadline.gateway.principal.CurrentPrincipal;
import io.leadline.gateway.principal.Principal;
import io.leadline.platform.wire.CloseException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Close's {@code POST /membership/} ({@code {"email", "role_id"}}): adds a person to the caller's organization. As at
 * Close it is open to OAuth applications only (an API key gets 403) and needs the admin role ("Manage Organization").
 */
@Path("/api/v1/membership")
public class MembershipCreationResource {

    static final String OAUTH_ONLY = "This endpoint is available to OAuth applications only, not to API keys.";

    @Inject
    CurrentPrincipal principal;

    @Inject
    CurrentVertxRequest request;

    @Inject
    OrganizationBootstrap bootstrap;

    @POST
    @Path("/")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<ObjectNode> create(JsonNode body) {
        Principal caller = principal.get();
        if (caller.apiKeyId() != null) {
            throw CloseException.forbidden(OAUTH_ONLY);
        }
        if (!caller.isAdmin()) {
            throw CloseException.forbidden("Adding members needs the admin role.");
        }
        NewMember invitation = NewMember.readInvitation(body);
        return bootstrap.invite(caller, invitation, RequestIds.of(request.getCurrent()))
                .map(added -> MembershipJson.withUserFlattened(added.membership(), added.user()));
    }
}
