package io.leadline.gateway.oauth;

import io.leadline.gateway.GatewayConfig;
import io.leadline.platform.id.Ids;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Grants and their tokens. Access tokens live {@code access-token-lifetime} (1 h); a refresh token (only with
 * {@code offline_access}) is exchanged once for a new pair: presenting an exchanged one again means two parties hold
 * it, so the whole grant (every token of the family) is revoked.
 */
@ApplicationScoped
public class TokenIssuer {

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    @Inject
    GatewayConfig config;

    Uni<String> newGrant(SqlConnection connection, String clientId, String organizationId, String userId,
                         String scope, OffsetDateTime now) {
        String id = Ids.shortId("ogr");
        return connection.preparedQuery("insert into oauth_grants (id, client_id, organization_id, user_id, scope, "
                        + "date_created) values ($1, $2, $3, $4, $5, $6)")
                .execute(Tuple.of(id, clientId, organizationId, userId, scope, now))
                .replaceWith(id);
    }

    /** A new access token (and refresh token, with offline_access) in Close's token answer. */
    Uni<JsonObject> issue(SqlConnection connection, String grantId, String scope, String organizationId,
                          String userId, OffsetDateTime now) {
        String access = Secrets.generate("oat");
        long expiresIn = config.oauth().accessTokenLifetime().toSeconds();
        JsonObject answer = new JsonObject()
                .put("token_type", "Bearer")
                .put("access_token", access)
                .put("expires_in", expiresIn);
        Uni<?> stored = insert(connection, access, grantId, "access", scope, now.plusSeconds(expiresIn));
        if (Scopes.includes(scope, Scopes.OFFLINE_ACCESS)) {
            String refresh = Secrets.generate("ort");
            answer.put("refresh_token", refresh);
            stored = stored.chain(() -> insert(connection, refresh, grantId, "refresh", scope,
                    now.plus(config.oauth().refreshTokenLifetime())));
        }
        answer.put("scope", scope).put("organization_id", organizationId).put("user_id", userId);
        return stored.replaceWith(answer);
    }

    Uni<Void> revokeGrant(SqlConnection connection, String grantId, OffsetDateTime now) {
        return connection.preparedQuery("update oauth_grants set date_revoked = $2 where id = $1 and date_revoked is null")
                .execute(Tuple.of(grantId, now)).replaceWithVoid();
    }

    /** A new pair for a refresh token, narrowed to {@code requestedScope} if given. */
    public Uni<Outcome> refresh(OAuthClient client, String refreshToken, String requestedScope) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw OAuthException.invalidRequest("refresh_token is required.");
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        String hash = Secrets.hash(refreshToken);
        return pool.withTransaction(connection -> connection.preparedQuery("""
                        select t.grant_id, t.scope, t.expires_at, t.date_rotated, t.date_revoked,
                               g.client_id, g.organization_id, g.user_id, g.date_revoked as grant_revoked,
                               m.id as membership_id
                          from oauth_tokens t
                          join oauth_grants g on g.id = t.grant_id
                          left join memberships m on m.organization_id = g.organization_id and m.user_id = g.user_id
                         where t.token_hash = $1 and t.kind = 'refresh'
                           for update of t""")
                .execute(Tuple.of(hash))
                .chain(rows -> {
                    RowIterator<Row> found = rows.iterator();
                    Row row = found.hasNext() ? found.next() : null;
                    if (row == null || !row.getString("client_id").equals(client.id())
                            || row.getValue("grant_revoked") != null || row.getValue("date_revoked") != null) {
                        return refused("The refresh token is invalid or revoked.");
                    }
                    String grantId = row.getString("grant_id");
                    if (row.getValue("date_rotated") != null) {
                        return revokeGrant(connection, grantId, now).replaceWith(Outcome.refused(
                                OAuthException.invalidGrant("The refresh token was already used; every token of "
                                        + "this authorization is revoked.")));
                    }
                    if (!row.getOffsetDateTime("expires_at").isAfter(now)) {
                        return refused("The refresh token has expired.");
                    }
                    if (row.getString("membership_id") == null) {
                        return revokeGrant(connection, grantId, now).replaceWith(Outcome.refused(
                                OAuthException.invalidGrant("The user is no longer a member of the organization.")));
                    }
                    String scope = row.getString("scope");
                    if (requestedScope != null && !requestedScope.isBlank()) {
                        String narrowed = Scopes.parse(requestedScope);
                        if (!Scopes.within(narrowed, scope)) {
                            return Uni.createFrom().item(Outcome.refused(OAuthException.invalidScope(
                                    "A refresh may narrow the scope, not widen it.")));
                        }
                        scope = narrowed;
                    }
                    String granted = scope;
                    return connection.preparedQuery("update oauth_tokens set date_rotated = $2 where token_hash = $1")
                            .execute(Tuple.of(hash, now))
                            .chain(() -> issue(connection, grantId, granted, row.getString("organization_id"),
                                    row.getString("user_id"), now))
                            .map(Outcome::of);
                }));
    }

    /**
     * RFC 7009: revokes a token of this client (a refresh token takes its whole grant with it). Unknown tokens and
     * other clients' tokens change nothing and answer the same, so the endpoint reveals nothing.
     */
    public Uni<Void> revoke(OAuthClient client, String token) {
        if (token == null || token.isBlank()) {
            throw OAuthException.invalidRequest("token is required.");
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        String hash = Secrets.hash(token);
        return pool.withTransaction(connection -> connection.preparedQuery("""
                        select t.kind, t.grant_id from oauth_tokens t join oauth_grants g on g.id = t.grant_id
                         where t.token_hash = $1 and g.client_id = $2""")
                .execute(Tuple.of(hash, client.id()))
                .chain(rows -> {
                    RowIterator<Row> found = rows.iterator();
                    if (!found.hasNext()) {
                        return Uni.createFrom().voidItem();
                    }
                    Row row = found.next();
                    if ("refresh".equals(row.getString("kind"))) {
                        return revokeGrant(connection, row.getString("grant_id"), now);
                    }
                    return connection.preparedQuery("update oauth_tokens set date_revoked = $2 where token_hash = $1 "
                            + "and date_revoked is null").execute(Tuple.of(hash, now)).replaceWithVoid();
                }));
    }

    private Uni<?> insert(SqlConnection connection, String token, String grantId, String kind, String scope,
                          OffsetDateTime expires) {
        return connection.preparedQuery("insert into oauth_tokens (token_hash, grant_id, kind, scope, expires_at) "
                        + "values ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(Secrets.hash(token), grantId, kind, scope, expires));
    }

    private static Uni<Outcome> refused(String description) {
        return Uni.createFrom().item(Outcome.refused(OAuthException.invalidGrant(description)));
    }
}
