package io.leadline.gateway.oauth;

import io.leadline.platform.id.Ids;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

/** Registered clients: registration (secret shown once), lookup, and client authentication at the token endpoint. */
@ApplicationScoped
public class OAuthClients {

    private static final String BASIC = "basic ";

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    /** Registers a client for an organization (null: the operator's); answers RFC 7591's metadata, secret included. */
    public Uni<JsonObject> register(ClientRegistration registration, String organizationId) {
        String id = Ids.shortId("oac");
        String secret = registration.isPublic() ? null : Secrets.generate("ocs");
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return pool.preparedQuery("insert into oauth_clients (id, organization_id, name, secret_hash, redirect_uris, "
                        + "date_created) values ($1, $2, $3, $4, $5, $6)")
                .execute(Tuple.of(id, organizationId, registration.name(),
                        secret == null ? null : Secrets.hash(secret),
                        registration.redirectUris().toArray(String[]::new), now))
                .map(inserted -> {
                    JsonObject answer = new JsonObject()
                            .put("client_id", id)
                            .put("client_id_issued_at", now.toEpochSecond())
                            .put("client_name", registration.name())
                            .put("redirect_uris", new JsonArray(registration.redirectUris()))
                            .put("token_endpoint_auth_method", registration.authMethod())
                            .put("grant_types", new JsonArray(List.of("authorization_code", "refresh_token")))
                            .put("response_types", new JsonArray(List.of("code")))
                            .put("scope", String.join(" ", Scopes.DESCRIPTIONS.keySet()));
                    if (organizationId != null) {
                        answer.put("organization_id", organizationId);
                    }
                    if (secret != null) {
                        answer.put("client_secret", secret).put("client_secret_expires_at", 0);
                    }
                    return answer;
                });
    }

    /** The client, or null when there is none of that id. */
    public Uni<OAuthClient> find(String clientId) {
        if (clientId == null || clientId.isBlank()) {
            return Uni.createFrom().nullItem();
        }
        return pool.preparedQuery("select id, organization_id, name, secret_hash, redirect_uris from oauth_clients "
                        + "where id = $1")
                .execute(Tuple.of(clientId))
                .map(rows -> rows.iterator().hasNext() ? toClient(rows.iterator().next()) : null);
    }

    /**
     * The client a token or revocation request comes from (RFC 6749 §2.3): HTTP Basic with the form-encoded id and
     * secret, or {@code client_id} and {@code client_secret} in the form, or a public client's bare
     * {@code client_id}. Anything that does not prove the client is invalid_client.
     */
    public Uni<OAuthClient> authenticate(String authorization, String formClientId, String formSecret) {
        String clientId = formClientId;
        String secret = formSecret;
        if (authorization != null && authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            if (formSecret != null) {
                throw OAuthException.invalidRequest("Authenticate the client one way only: HTTP Basic or the form.");
            }
            String[] pair = basicPair(authorization.substring(BASIC.length()).trim());
            if (formClientId != null && !formClientId.equals(pair[0])) {
                throw OAuthException.invalidClient("client_id does not match the credentials.");
            }
            clientId = pair[0];
            secret = pair[1].isEmpty() ? null : pair[1];
        }
        String presentedSecret = secret;
        return find(clientId).map(client -> {
            if (client == null) {
                throw OAuthException.invalidClient("Unknown client.");
            }
            boolean proven = client.isPublic() ? presentedSecret == null
                    : Secrets.matches(presentedSecret, client.secretHash());
            if (!proven) {
                throw OAuthException.invalidClient(client.isPublic() ? "A public client has no secret."
                        : "The client secret is missing or wrong.");
            }
            return client;
        });
    }

    private static String[] basicPair(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw OAuthException.invalidClient("Malformed HTTP Basic credentials.");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw OAuthException.invalidClient("Malformed HTTP Basic credentials.");
        }
        try {
            // RFC 6749 §2.3.1: both parts are form-encoded before they are joined
            return new String[] {
                    java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
        } catch (IllegalArgumentException badEscape) {
            throw OAuthException.invalidClient("Malformed HTTP Basic credentials.");
        }
    }

    private static OAuthClient toClient(Row row) {
        return new OAuthClient(row.getString("id"), row.getString("organization_id"), row.getString("name"),
                row.getString("secret_hash"), List.of(row.getArrayOfStrings("redirect_uris")));
    }
}
