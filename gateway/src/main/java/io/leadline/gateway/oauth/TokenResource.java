package io.leadline.gateway.oauth;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The token endpoint (RFC 6749 §3.2) and revocation (RFC 7009), both form-encoded and client-authenticated. */
@Path("/oauth2")
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    @Inject
    OAuthClients clients;

    @Inject
    AuthorizationCodes codes;

    @Inject
    TokenIssuer tokens;

    @POST
    @Path("/token/")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> token(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                               @FormParam("grant_type") String grantType, @FormParam("client_id") String clientId,
                               @FormParam("client_secret") String clientSecret, @FormParam("code") String code,
                               @FormParam("redirect_uri") String redirectUri,
                               @FormParam("code_verifier") String codeVerifier,
                               @FormParam("refresh_token") String refreshToken, @FormParam("scope") String scope) {
        if (grantType == null || grantType.isBlank()) {
            throw OAuthException.invalidRequest("grant_type is required.");
        }
        if (!grantType.equals("authorization_code") && !grantType.equals("refresh_token")) {
            throw new OAuthException(400, "unsupported_grant_type",
                    "grant_type must be authorization_code or refresh_token.");
        }
        return clients.authenticate(authorization, clientId, clientSecret)
                .chain(client -> grantType.equals("authorization_code")
                        ? codes.redeem(client, code, redirectUri, codeVerifier)
                        : tokens.refresh(client, refreshToken, scope))
                .map(outcome -> Response.ok(outcome.orThrow().encode())
                        .header("Cache-Control", "no-store").header("Pragma", "no-cache").build());
    }

    @POST
    @Path("/revoke/")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> revoke(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                @FormParam("client_id") String clientId,
                                @FormParam("client_secret") String clientSecret, @FormParam("token") String token) {
        return clients.authenticate(authorization, clientId, clientSecret)
                .chain(client -> tokens.revoke(client, token))
                .map(revoked -> Response.ok().build());
    }
}
