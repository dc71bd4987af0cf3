package io.leadline.gateway.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.gateway.principal.CurrentPrincipal;
import io.leadline.gateway.principal.Principal;
import io.leadline.platform.wire.CloseException;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Dynamic client registration (RFC 7591). The initial access credential is an organization admin's API key or access
 * token, checked by the edge handler exactly as on /api; the client is recorded as that organization's.
 */
@Path("/oauth2/register")
public class RegistrationResource {


    @Inject
    CurrentPrincipal principal;

    @Inject
    OAuthClients clients;

    @POST
    @Path("/")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> register(JsonNode body) {
        Principal caller = principal.get();
        if (!caller.isAdmin()) {
            throw CloseException.forbidden("Only an organization's admins may register OAuth clients.");
        }
        return clients.register(ClientRegistration.read(body), caller.organizationId())
                .map(answer -> Response.status(201).entity(answer.encode()).header("Cache-Control", "no-store")
                        .build());
    }
}
