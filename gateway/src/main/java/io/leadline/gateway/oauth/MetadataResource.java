package io.leadline.gateway.oauth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

/**
 * RFC 8414 metadata. The issuer is the gateway's own origin as the request reached it (Quarkus resolves scheme and
 * host, trusting forwarding headers only from configured proxies).
 */
@Path("/.well-known/oauth-authorization-server")
public class MetadataResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String metadata(@Context UriInfo uri) {
        String issuer = uri.getBaseUri().toString().replaceAll("/+$", "");
        return new JsonObject()
                .put("issuer", issuer)
                .put("authorization_endpoint", issuer + "/oauth2/authorize/")
                .put("token_endpoint", issuer + "/oauth2/token/")
                .put("registration_endpoint", issuer + "/oauth2/register/")
                .put("revocation_endpoint", issuer + "/oauth2/revoke/")
                .put("response_types_supported", new JsonArray(List.of("code")))
                .put("response_modes_supported", new JsonArray(List.of("query")))
                .put("grant_types_supported", new JsonArray(List.of("authorization_code", "refresh_token")))
                .put("code_challenge_methods_supported", new JsonArray(List.of("S256")))
                .put("token_endpoint_auth_methods_supported",
                        new JsonArray(List.of("client_secret_basic", "client_secret_post", "none")))
                .put("revocation_endpoint_auth_methods_supported",
                        new JsonArray(List.of("client_secret_basic", "client_secret_post", "none")))
                .put("scopes_supported", new JsonArray(List.copyOf(Scopes.DESCRIPTIONS.keySet())))
                .encode();
    }
}
