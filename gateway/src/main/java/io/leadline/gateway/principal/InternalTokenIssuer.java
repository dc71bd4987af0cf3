package io.leadline.gateway.principal;

import io.leadline.platform.security.InternalClaims;
import io.leadline.platform.security.Permission;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mints the internal JWT (ARCHITECTURE §2) that replaces the client's credentials on every forwarded request.
 * An RS256 signature costs more than the rest of a request, so each principal's token is reused until shortly
 * before it expires, and the signing itself runs off the event loop.
 */
@ApplicationScoped
public class InternalTokenIssuer {

    static final Duration LIFETIME = Duration.ofMinutes(5);
    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);

    private record IssuedToken(String jwt, long renewAfterNanos) {
    }

    @Inject
    Vertx vertx;

    private final ConcurrentHashMap<Principal, IssuedToken> issued = new ConcurrentHashMap<>();

    /** The principal's token while it is fresh enough to forward, else null (then ask {@link #tokenFor}). */
    public String reusableToken(Principal principal) {
        IssuedToken token = issued.get(principal);
        return token != null && token.renewAfterNanos() - System.nanoTime() > 0 ? token.jwt() : null;
    }

    public Uni<String> tokenFor(Principal principal) {
        String reusable = reusableToken(principal);
        if (reusable != null) {
            return Uni.createFrom().item(reusable);
        }
        // two concurrent misses may both sign; harmless, and cheaper than coordinating them
        return Uni.createFrom().completionStage(() -> vertx.executeBlocking(() -> mint(principal), false)
                .toCompletionStage());
    }

    private String mint(Principal principal) {
        long startedNanos = System.nanoTime();
        Instant now = Instant.now();
        Instant expiry = now.plus(LIFETIME);
        JwtClaimsBuilder claims = Jwt.issuer(InternalClaims.ISSUER)
                .audience(InternalClaims.AUDIENCE)
                .subject(principal.userId())
                .claim(InternalClaims.ORGANIZATION_ID, principal.organizationId())
                .claim(InternalClaims.ROLE, principal.role())
                .claim(InternalClaims.PERMISSIONS, principal.permissions().stream().map(Permission::wireName).sorted()
                        .toList())
                .claim(InternalClaims.SCOPE, principal.scope())
                .claim(InternalClaims.USER_NAME, principal.userName())
                .groups(Set.of(InternalClaims.CALLER_GROUP))
                .issuedAt(now)
                .expiresAt(expiry);
        if (principal.apiKeyId() != null) {
            claims.claim(InternalClaims.API_KEY_ID, principal.apiKeyId());
        }
        String jwt = claims.sign();
        // a monotonic deadline: compared on every forwarded request, where Instant.now() would cost a clock read
        // and an object
        long renewAfter = startedNanos + LIFETIME.minus(RENEW_BEFORE_EXPIRY).toNanos();
        issued.put(principal, new IssuedToken(jwt, renewAfter));
        return jwt;
    }
}
