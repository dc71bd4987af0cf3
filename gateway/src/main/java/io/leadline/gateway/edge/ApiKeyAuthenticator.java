package io.leadline.gateway.edge;

import io.leadline.gateway.GatewayConfig;
import io.leadline.gateway.apikey.ApiKeySecrets;
import io.leadline.gateway.principal.Principal;
import io.leadline.gateway.user.User;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a presented API key into a {@link Principal}. Every /api request passes here, so verified keys are kept in
 * memory for a short while (leadline.gateway.api-key-cache-ttl): a hot key costs a SHA-256, not a database round trip.
 * The cache is per replica; a deleted key or changed role takes effect within the TTL.
 */
@ApplicationScoped
public class ApiKeyAuthenticator {

    // plain SQL on the reactive pool: this is the hot path, and it needs one joined row, not three entities
    private static final String LOOKUP = """
            select k.key_hash, k.organization_id, k.user_id, u.first_name, u.last_name, m.role_id
              from api_keys k
              join users u on u.id = k.user_id
              join memberships m on m.organization_id = k.organization_id and m.user_id = k.user_id
             where k.id = $1""";

    private record VerifiedKey(String keyHash, Principal principal, long expiresAtNanos) {
    }

    @Inject
    Pool pool;

    @Inject
    GatewayConfig config;

    private final ConcurrentHashMap<String, VerifiedKey> verified = new ConcurrentHashMap<>();

    /**
     * The principal of a key verified within the TTL, without waiting for anything; null when the database must be
     * asked ({@link #authenticate}), which includes a wrong secret for a cached id.
     */
    public Principal verifiedRecently(String presentedKey) {
        int dot = presentedKey.indexOf('.');
        VerifiedKey cached = dot > 0 ? verified.get(presentedKey.substring(0, dot)) : null;
        if (cached == null || cached.expiresAtNanos() - System.nanoTime() <= 0) {
            return null;
        }
        return check(presentedKey, cached).orElse(null);
    }

    /** The principal of a valid key; an empty result for anything else. */
    public Uni<Optional<Principal>> authenticate(String presentedKey) {
        Optional<String> keyId = ApiKeySecrets.idOf(presentedKey);
        if (keyId.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        VerifiedKey cached = verified.get(keyId.get());
        if (cached != null && cached.expiresAtNanos() - System.nanoTime() > 0) {
            return Uni.createFrom().item(check(presentedKey, cached));
        }
        return load(keyId.get()).map(found -> {
            if (found == null) {
                verified.remove(keyId.get());
                return Optional.empty();
            }
            Optional<Principal> principal = check(presentedKey, found);
            // only keys proven by their secret are cached, so guessing ids cannot fill the cache
            principal.ifPresent(ignored -> verified.put(keyId.get(), found));
            return principal;
        });
    }

    private static Optional<Principal> check(String presentedKey, VerifiedKey key) {
        return ApiKeySecrets.matches(presentedKey, key.keyHash()) ? Optional.of(key.principal()) : Optional.empty();
    }

    private Uni<VerifiedKey> load(String keyId) {
        long expiresAt = System.nanoTime() + config.apiKeyCacheTtl().toNanos();
        return pool.preparedQuery(LOOKUP).execute(Tuple.of(keyId)).map(rows -> {
            RowIterator<Row> iterator = rows.iterator();
            if (!iterator.hasNext()) {
                return null;
            }
            Row row = iterator.next();
            Principal principal = new Principal(
                    row.getString("organization_id"),
                    row.getString("user_id"),
                    User.displayName(row.getString("first_name"), row.getString("last_name")),
                    keyId,
                    row.getString("role_id"));
            return new VerifiedKey(row.getString("key_hash"), principal, expiresAt);
        });
    }
}
