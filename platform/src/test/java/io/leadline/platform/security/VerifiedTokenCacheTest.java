package io.leadline.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The cache in front of the real smallrye-jwt verifier, on a clock the test moves: a token is verified once while
 * valid, never after it expires, and a token that fails verification is refused every time.
 */
class VerifiedTokenCacheTest {

    private static final KeyPair GATEWAY_KEYS = rsaPair();
    private static final int CLOCK_SKEW_SECONDS = 5;

    private final MovableClock clock = new MovableClock(Instant.now());
    private final AtomicInteger verifications = new AtomicInteger();
    private final VerifiedTokenCache cache = new VerifiedTokenCache(counting(verifier()), CLOCK_SKEW_SECONDS, 100, clock);

    @Test
    void verifiesAValidTokenOnceAndAnswersItFromMemoryAfterwards() throws ParseException {
        String token = claims().expiresAt(clock.instant().plusSeconds(300)).sign(GATEWAY_KEYS.getPrivate());

        JsonWebToken first = cache.parse(token);
        JsonWebToken second = cache.parse(token);

        assertEquals("orga_test", first.getClaim(InternalClaims.ORGANIZATION_ID));
        assertSame(first, second);
        assertEquals(1, verifications.get());
    }

    @Test
    void verifiesACachedTokenAgainOnceTheVerifierWouldRefuseIt() throws ParseException {
        String token = claims().expiresAt(clock.instant().plusSeconds(60)).sign(GATEWAY_KEYS.getPrivate());
        cache.parse(token);

        clock.advanceSeconds(60 + CLOCK_SKEW_SECONDS - 1);
        cache.parse(token);
        assertEquals(1, verifications.get(), "still inside exp + skew: answered from the cache");

        clock.advanceSeconds(1);
        cache.parse(token); // the real verifier runs on real time, where the token is still valid
        assertEquals(2, verifications.get(), "past exp + skew: the cache no longer vouches for it");
    }

    @Test
    void refusesForgedAlteredOrForeignTokensAfterAValidOneWasCached() throws Exception {
        String valid = claims().expiresAt(clock.instant().plusSeconds(300)).sign(GATEWAY_KEYS.getPrivate());
        cache.parse(valid);

        String forged = claims().expiresAt(clock.instant().plusSeconds(300)).sign(rsaPair().getPrivate());
        String resigned = valid.substring(0, valid.lastIndexOf('.') + 1) + forged.substring(forged.lastIndexOf('.') + 1);
        String wrongAudience = Jwt.issuer(InternalClaims.ISSUER).audience("someone-else").subject("user_test")
                .claim(InternalClaims.ORGANIZATION_ID, "orga_test").sign(GATEWAY_KEYS.getPrivate());
        String wrongIssuer = Jwt.issuer("not-the-gateway").audience(InternalClaims.AUDIENCE).subject("user_test")
                .claim(InternalClaims.ORGANIZATION_ID, "orga_test").sign(GATEWAY_KEYS.getPrivate());
        String expired = claims().issuedAt(Instant.now().minusSeconds(3600)).expiresAt(Instant.now().minusSeconds(600))
                .sign(GATEWAY_KEYS.getPrivate());

        for (String refused : new String[] {forged, resigned, wrongAudience, wrongIssuer, expired}) {
            assertThrows(ParseException.class, () -> cache.parse(refused));
            assertThrows(ParseException.class, () -> cache.parse(refused), "a refusal is not cached as a success");
        }
        assertEquals("orga_test", cache.parse(valid).getClaim(InternalClaims.ORGANIZATION_ID));
    }

    @Test
    void keepsNoMoreTokensThanItsLimit() throws ParseException {
        VerifiedTokenCache small = new VerifiedTokenCache(counting(verifier()), CLOCK_SKEW_SECONDS, 2, clock);
        String[] tokens = new String[50];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = claims().subject("user_" + i).expiresAt(clock.instant().plusSeconds(300)).sign(GATEWAY_KEYS.getPrivate());
            small.parse(tokens[i]);
        }
        verifications.set(0);
        for (String token : tokens) {
            small.parse(token);
        }
        // Caffeine evicts asynchronously, so a few more than the limit may survive for a moment; not 50
        assertEquals(true, verifications.get() >= tokens.length - 5, "re-verified " + verifications.get());
    }

    private static JwtClaimsBuilder claims() {
        return Jwt.issuer(InternalClaims.ISSUER).audience(InternalClaims.AUDIENCE).subject("user_test")
                .claim(InternalClaims.ORGANIZATION_ID, "orga_test").groups(Set.of(InternalClaims.CALLER_GROUP));
    }

    private static JWTParser verifier() {
        JWTAuthContextInfo context = new JWTAuthContextInfo(GATEWAY_KEYS.getPublic(), InternalClaims.ISSUER);
        context.setExpectedAudience(Set.of(InternalClaims.AUDIENCE));
        context.setClockSkew(CLOCK_SKEW_SECONDS);
        return new DefaultJWTParser(context);
    }

    /** The real verifier, counting how often it is asked. */
    private JWTParser counting(JWTParser real) {
        return (JWTParser) Proxy.newProxyInstance(JWTParser.class.getClassLoader(), new Class<?>[] {JWTParser.class},
                (proxy, method, args) -> {
                    verifications.incrementAndGet();
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static KeyPair rsaPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advanceSeconds(long seconds) {
            now = now.plusSeconds(seconds);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public long millis() {
            return now.toEpochMilli();
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
