package io.leadline.gateway.operator;

import io.leadline.gateway.GatewayConfig;
import io.leadline.gateway.apikey.ApiKeySecrets;
import io.leadline.platform.wire.CloseException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Guards /admin/v1/*: {@code Authorization: Bearer <leadline.gateway.operator-token>}. */
@ApplicationScoped
public class OperatorAuthorization {

    /** Shorter tokens are refused at start: the operator API creates tenants and their keys. */
    public static final int MIN_TOKEN_LENGTH = 32;
    static final String INVALID_TOKEN = "The operator token is missing or invalid.";
    private static final String SCHEME = "bearer ";

    @Inject
    GatewayConfig config;

    private byte[] expectedHash;

    void checkAtStart(@Observes StartupEvent started) {
        requireStrong(config.operatorToken());
    }

    /** Fails with a message that says what to do, for a token that could be guessed. */
    static void requireStrong(String token) {
        if (token == null || token.strip().length() < MIN_TOKEN_LENGTH) {
            throw new IllegalStateException("leadline.gateway.operator-token (LEADLINE_GATEWAY_OPERATOR_TOKEN) must be "
                    + "at least " + MIN_TOKEN_LENGTH + " characters long; generate one with `openssl rand -hex 32`.");
        }
    }

    public boolean accepts(String authorization) {
        return authorization != null && authorization.length() > SCHEME.length()
                && authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                && sameSecret(authorization.substring(SCHEME.length()).trim());
    }

    /** For the resources themselves, behind {@link OperatorGuard}: a second check that costs one hash. */
    public void require(String authorization) {
        if (!accepts(authorization)) {
            throw CloseException.unauthorized(INVALID_TOKEN);
        }
    }

    // hashing first makes the comparison constant-time even when the lengths differ
    private boolean sameSecret(String presented) {
        if (expectedHash == null) {
            expectedHash = hash(config.operatorToken());
        }
        return MessageDigest.isEqual(hash(presented), expectedHash);
    }

    private static byte[] hash(String secret) {
        return ApiKeySecrets.hash(secret).getBytes(StandardCharsets.US_ASCII);
    }
}
