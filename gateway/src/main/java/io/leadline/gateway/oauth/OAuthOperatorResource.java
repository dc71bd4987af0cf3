package io.leadline.gateway.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.gateway.operator.OperatorAuthorization;
import io.leadline.platform.wire.ValidationException;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The operator's side of OAuth: clients registered for the whole deployment, and local sign-in passwords. */
@Path("/admin/v1")
@Produces(MediaType.APPLICATION_JSON)
public class OAuthOperatorResource {

    @Inject
    OperatorAuthorization operator;

    @Inject
    OAuthClients clients;

    @Inject
    LocalSignIn signIn;

    /** RFC 7591 metadata in, RFC 7591 answer out (the secret shown once); the client belongs to no organization. */
    @POST
    @Path("/oauth-clients")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> registerClient(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                        JsonNode body) {
        operator.require(authorization);
        return clients.register(ClientRegistration.read(body), null)
                .map(answer -> Response.status(201).entity(answer.encode()).build());
    }

    /** {@code {"password": "…"}}: sets the user's password for the sign-in page. 204; unknown user → 404. */
    @PUT
    @Path("/users/{id}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> setPassword(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                     @PathParam("id") String userId, JsonNode body) {
        operator.require(authorization);
        JsonNode password = body == null ? null : body.get("password");
        if (password == null || !password.isTextual()) {
            throw ValidationException.field("password", "This field is required.");
        }
        return signIn.setPassword(userId, password.asText()).map(done -> Response.noContent().build());
    }
}
