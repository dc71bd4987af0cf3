package io.leadline.gateway.edge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.leadline.gateway.GatewayConfig;
import io.leadline.gateway.apikey.ApiKeySecrets;
import io.leadline.gateway.principal.Principal;
import io.leadline.gateway.principal.PrincipalChanged;
import io.leadline.gateway.role.RolePermissions;
import io.leadline.gateway.user.User;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a presented API key into a {@link Principal}. Every /api request passes here, so verified keys are kept in
 * memory for a short while (leadline.gateway.api-key-cache-ttl): a hot key costs a SHA-256, not a database round trip.
 * The cache is per replica. A member's role change or a key revoked by the operator through
 * this replica drops their keys at once ({@link PrincipalChanged}); other replicas see it within the TTL.
 * <p>
 * Lookups that proved nothing (an unknown key id, or a known one presented with a wrong secret) are remembered too,
 * in a bounded cache with a short TTL (leadline.gateway.failed-authentication.negative-cache-*): repeating a bad key
 * costs a map lookup, not a query. Together with the per-address limit on failures (EdgeHandler) that keeps guessing
 * from reaching the database at any rate.
 */
@ApplicationScoped
public class ApiKeyAuthenticator {

    // plain SQL on the reactive pool: this is the hot path, and it needs one joined row, not three entities
    private static final String LOOKUP = """
            select k.key_hash, k.organization_id, k.user_id, u.first_name, u.last_name, m.role_id,
                   r.permissions
              from api_keys k
              join users u on u.id = k.user_id
              join memberships m on m.organization_id = k.organization_id and m.user_id = k.user_id
              left join roles r on r.id = m.role_id and r.organization_id = m.organization_id
             where k.id = $1""";

    private record VerifiedKey(String keyHash, Principal principal, long loadedAtNanos, long expiresAtNanos) {
    }

    /** What the database said about a key id that proved nothing: {@code key} is null when the id is unknown. */
    private record Unproven(VerifiedKey key) {
    }

    @Inject
    Pool pool;

    @Inject
    GatewayConfig config;

    private final ConcurrentHashMap<String, VerifiedKey> verified = new ConcurrentHashMap<>();
    private Cache<String, Unproven> unproven;
    /** When each member's principals were last dropped (organization + user → nanoTime), kept for one TTL. */
    private Cache<String, Long> changedAt;
    private Counter lookups;

    @Inject
    MeterRegistry meters;

    @PostConstruct
    void createCaches() {
        // how often authentication reaches the database: the caches' hit rate, seen from outside
        lookups = Counter.builder("leadline.gateway.api_key.lookups")
                .description("API key lookups in the database (verified and negative cache misses)")
                .register(meters);
        unproven = Caffeine.newBuilder()
                .maximumSize(config.failedAuthentication().negativeCacheSize())
                .expireAfterWrite(config.failedAuthentication().negativeCacheTtl())
                .build();
        changedAt = Caffeine.newBuilder().expireAfterWrite(config.apiKeyCacheTtl()).build();
    }

    /**
     * Drops the member's verified keys. A lookup that read the row before the change committed must not put the old
     * role back afterwards, so the time of the change is kept and older lookups are not cached ({@link #load}).
     */
    void forget(@Observes PrincipalChanged changed) {
        changedAt.put(memberKey(changed.organizationId(), changed.userId()), System.nanoTime());
        verified.values().removeIf(key -> isOf(key, changed));
        unproven.asMap().values().removeIf(known -> known.key() != null && isOf(known.key(), changed));
    }

    private static boolean isOf(VerifiedKey key, PrincipalChanged changed) {
        return key.principal().organizationId().equals(changed.organizationId())
                && key.principal().userId().equals(changed.userId());
    }

    private static String memberKey(String organizationId, String userId) {
        return organizationId + "/" + userId;
    }

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
        Unproven known = unproven.getIfPresent(keyId.get());
        if (known != null) {
            return Uni.createFrom().item(known.key() == null ? Optional.empty() : prove(keyId.get(), presentedKey,
                    known.key()));
        }
        return load(keyId.get()).map(found -> {
            if (found == null) {
                verified.remove(keyId.get());
                unproven.put(keyId.get(), new Unproven(null));
                return Optional.empty();
            }
            return prove(keyId.get(), presentedKey, found);
        });
    }

    /** Only keys proven by their secret go to the unbounded hot map; anything else to the bounded one. */
    private Optional<Principal> prove(String keyId, String presentedKey, VerifiedKey found) {
        Optional<Principal> principal = check(presentedKey, found);
        if (principal.isPresent()) {
            unproven.invalidate(keyId);
            if (!outdated(found)) {
                verified.put(keyId, found);
            }
        } else {
            unproven.put(keyId, new Unproven(found));
        }
        return principal;
    }

    /** Read before the member last changed: right for this request, but not to be reused. */
    private boolean outdated(VerifiedKey found) {
        Long changed = changedAt.getIfPresent(memberKey(found.principal().organizationId(),
                found.principal().userId()));
        return changed != null && changed - found.loadedAtNanos() >= 0;
    }

    private static Optional<Principal> check(String presentedKey, VerifiedKey key) {
        return ApiKeySecrets.matches(presentedKey, key.keyHash()) ? Optional.of(key.principal()) : Optional.empty();
    }

    private Uni<VerifiedKey> load(String keyId) {
        lookups.increment();
        long loadedAt = System.nanoTime();
        long expiresAt = loadedAt + config.apiKeyCacheTtl().toNanos();
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
                    row.getString("role_id"),
                    RolePermissions.of(row.getString("role_id"), row.getString("permissions")));
            return new VerifiedKey(row.getString("key_hash"), principal, loadedAt, expiresAt);
        });
    }
}
