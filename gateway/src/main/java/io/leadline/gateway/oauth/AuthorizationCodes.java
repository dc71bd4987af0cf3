package io.leadline.gateway.oauth;

import io.leadline.gateway.GatewayConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Authorization codes: issued on approval, redeemed once at the token endpoint within
 * {@code leadline.gateway.oauth.code-lifetime}. A second redemption revokes what the first one issued
 * (RFC 6749 §4.1.2: the code was probably stolen).
 */
@ApplicationScoped
public class AuthorizationCodes {

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    @Inject
    GatewayConfig config;

    @Inject
    TokenIssuer issuer;

    /** A code for the user's approval in one of their organizations. */
    public Uni<String> issue(OAuthClient client, AuthorizationRequest request, String scope, String organizationId,
                             String userId) {
        String code = Secrets.generate("occ");
        OffsetDateTime expires = OffsetDateTime.ofInstant(clock.instant().plus(config.oauth().codeLifetime()),
                ZoneOffset.UTC);
        return pool.preparedQuery("""
                        insert into oauth_codes (code_hash, client_id, organization_id, user_id, redirect_uri, scope,
                                                 code_challenge, expires_at)
                        values ($1, $2, $3, $4, $5, $6, $7, $8)""")
                .execute(Tuple.from(new Object[] {Secrets.hash(code), client.id(), organizationId, userId,
                        request.redirectUri(), scope, request.codeChallenge(), expires}))
                .replaceWith(code);
    }

    /** The tokens for a code, or an invalid_grant for anything about it that does not hold. */
    public Uni<Outcome> redeem(OAuthClient client, String code, String redirectUri, String codeVerifier) {
        if (code == null || code.isBlank()) {
            throw OAuthException.invalidRequest("code is required.");
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return pool.withTransaction(connection -> connection.preparedQuery("""
                        select c.client_id, c.organization_id, c.user_id, c.redirect_uri, c.scope, c.code_challenge,
                               c.expires_at, c.grant_id, m.id as membership_id
                          from oauth_codes c
                          left join memberships m on m.organization_id = c.organization_id and m.user_id = c.user_id
                         where c.code_hash = $1
                           for update of c""")
                .execute(Tuple.of(Secrets.hash(code)))
                .chain(rows -> {
                    RowIterator<Row> found = rows.iterator();
                    Row row = found.hasNext() ? found.next() : null;
                    if (row == null || !row.getString("client_id").equals(client.id())) {
                        return refuse("The authorization code is invalid.");
                    }
                    if (row.getString("grant_id") != null) {
                        return issuer.revokeGrant(connection, row.getString("grant_id"), now).replaceWith(
                                Outcome.refused(OAuthException.invalidGrant("The authorization code was already "
                                        + "used; the tokens issued for it are revoked.")));
                    }
                    if (!row.getOffsetDateTime("expires_at").isAfter(now)) {
                        return refuse("The authorization code has expired.");
                    }
                    String stored = row.getString("redirect_uri");
                    if (stored != null && !stored.equals(redirectUri)) {
                        return refuse("redirect_uri differs from the authorization request's.");
                    }
                    String problem = pkceProblem(row.getString("code_challenge"), codeVerifier);
                    if (problem != null) {
                        return refuse(problem);
                    }
                    if (row.getString("membership_id") == null) {
                        return refuse("The user is no longer a member of the organization.");
                    }
                    return issuer.newGrant(connection, client.id(), row.getString("organization_id"),
                                    row.getString("user_id"), row.getString("scope"), now)
                            .call(grantId -> connection.preparedQuery(
                                            "update oauth_codes set grant_id = $2 where code_hash = $1")
                                    .execute(Tuple.of(Secrets.hash(code), grantId)))
                            .chain(grantId -> issuer.issue(connection, grantId, row.getString("scope"),
                                    row.getString("organization_id"), row.getString("user_id"), now))
                            .map(Outcome::of);
                }));
    }

    private static String pkceProblem(String challenge, String verifier) {
        if (challenge == null) {
            return verifier == null ? null : "code_verifier sent, but the authorization request had no code_challenge.";
        }
        if (verifier == null) {
            return "code_verifier is required: the authorization request had a code_challenge.";
        }
        return Secrets.sameText(Secrets.s256(verifier), challenge) ? null
                : "code_verifier does not match the code_challenge.";
    }

    private static Uni<Outcome> refuse(String description) {
        return Uni.createFrom().item(Outcome.refused(OAuthException.invalidGrant(description)));
    }
}
