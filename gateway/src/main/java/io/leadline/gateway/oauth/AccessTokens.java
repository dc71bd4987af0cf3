package io.leadline.gateway.oauth;

import io.leadline.gateway.principal.Principal;
import io.leadline.gateway.role.RolePermissions;
import io.leadline.gateway.user.User;
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
import java.util.Optional;

/**
 * Turns a presented {@code Authorization: Bearer} access token into the {@link Principal} it acts for. Looked up on
 * every request (one indexed query, no cache), so a revocation, a revoked grant or a membership that ended takes
 * effect at once.
 */
@ApplicationScoped
public class AccessTokens {

    private static final String LOOKUP = """
            select t.grant_id, t.scope, g.organization_id, g.user_id, u.first_name, u.last_name, m.role_id,
                   r.permissions
              from oauth_tokens t
              join oauth_grants g on g.id = t.grant_id
              join users u on u.id = g.user_id
              join memberships m on m.organization_id = g.organization_id and m.user_id = g.user_id
              left join roles r on r.id = m.role_id and r.organization_id = m.organization_id
             where t.token_hash = $1 and t.kind = 'access' and t.date_revoked is null and g.date_revoked is null
               and t.expires_at > $2""";

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    public Uni<Optional<Principal>> authenticate(String accessToken) {
        if (accessToken == null || !accessToken.startsWith("oat_")) {
            return Uni.createFrom().item(Optional.empty());
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return pool.preparedQuery(LOOKUP).execute(Tuple.of(Secrets.hash(accessToken), now)).map(rows -> {
            RowIterator<Row> found = rows.iterator();
            if (!found.hasNext()) {
                return Optional.empty();
            }
            Row row = found.next();
            return Optional.of(new Principal(row.getString("organization_id"), row.getString("user_id"),
                    User.displayName(row.getString("first_name"), row.getString("last_name")), null,
                    row.getString("role_id"), RolePermissions.of(row.getString("role_id"),
                    row.getString("permissions")), row.getString("scope"), row.getString("grant_id")));
        });
    }
}
