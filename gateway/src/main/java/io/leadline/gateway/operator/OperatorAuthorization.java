package io.leadline.gateway.operator;

import io.leadline.gateway.GatewayConfig;
import io.leadline.gateway.apikey.ApiKeySecrets;
import io.leadline.platform.wire.CloseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Guards /admin/v1/*: {@code Authorization: Bearer <leadline.gateway.operator-token>}. */
@ApplicationScoped
public class OperatorAuthorization {

    private static final String SCHEME = "bearer ";

    @Inject
    GatewayConfig config;

    public void require(String authorization) {
        if (authorization == null || authorization.length() <= SCHEME.length()
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                || !sameSecret(authorization.substring(SCHEME.length()).trim(), config.operatorToken())) {
            throw CloseException.unauthorized("The operator token is missing or invalid.");
        }
    }

    // hashing first makes the comparison constant-time even when the lengths differ
    private static boolean sameSecret(String presented, String expected) {
        return MessageDigest.isEqual(
                ApiKeySecrets.hash(presented).getBytes(StandardCharsets.US_ASCII),
                ApiKeySecrets.hash(expected).getBytes(StandardCharsets.US_ASCII));
    }
}
