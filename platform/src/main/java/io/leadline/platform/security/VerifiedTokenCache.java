package io.leadline.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Verifies each internal JWT once: an RS256 check costs more than the rest of a request, and the gateway reuses one
 * token per principal for minutes. smallrye-jwt's authentication asks the {@link JWTParser} bean to {@link #parse}
 * every bearer token; this alternative answers a token it verified before from memory, until the moment the verifier
 * itself would refuse it ({@code exp} plus the configured clock skew), and verifies everything else as before.
 * <p>
 * Keyed by the raw token, so a forged, altered or differently-signed token is never a hit. Bounded by size, so a
 * flood of distinct tokens costs memory only up to the limit (Caffeine evicts the least useful entries).
 * Only the no-argument {@link #parse(String)} path is cached; calls that bring their own key or context are not.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache implements JWTParser {

    private final JWTParser verifier;
    private final long clockSkewNanos;
    private final Clock clock;
    private final Cache<String, JsonWebToken> verified;

    @Inject
    VerifiedTokenCache(DefaultJWTParser verifier, JWTAuthContextInfo authContext,
                       @ConfigProperty(name = "leadline.security.verified-token-cache-size", defaultValue = "10000")
                       long maximumSize) {
        this(verifier, authContext.getClockSkew(), maximumSize, Clock.systemUTC());
    }

    VerifiedTokenCache(JWTParser verifier, int clockSkewSeconds, long maximumSize, Clock clock) {
        this.verifier = verifier;
        this.clockSkewNanos = TimeUnit.SECONDS.toNanos(clockSkewSeconds);
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfter(Expiry.<String, JsonWebToken>creating(
                        (token, jwt) -> Duration.ofNanos(Math.max(0, nanosUntilRefused(jwt)))))
                .build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken cached = verified.getIfPresent(token);
        if (cached != null) {
            return cached;
        }
        JsonWebToken jwt = verifier.parse(token);
        if (nanosUntilRefused(jwt) > 0) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    /** How long the verifier would still accept this token: until {@code exp} plus the allowed clock skew. */
    private long nanosUntilRefused(JsonWebToken jwt) {
        long refusedAtNanos = TimeUnit.SECONDS.toNanos(jwt.getExpirationTime()) + clockSkewNanos;
        return refusedAtNanos - TimeUnit.MILLISECONDS.toNanos(clock.millis());
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
