package io.leadline.platform.testing;

import io.leadline.platform.security.InternalClaims;
import io.leadline.platform.security.Permission;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.PrivateKey;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Mints the internal JWT that the gateway puts in front of every forwarded request (ARCHITECTURE.md §2). */
public final class InternalTokens {

    public static final String DEFAULT_ROLE = "admin";
    public static final String FULL_ACCESS_SCOPE = "all.full_access";
    private static final Duration LIFETIME = Duration.ofMinutes(5);

    private static PrivateKey signingKey;

    private InternalTokens() {
    }

    public static String mint(String orgId, String userId) {
        return mint(orgId, userId, null, DEFAULT_ROLE);
    }

    /** A token that also names the user, as the gateway's does, for tests of {@code created_by_name} and the like. */
    public static String mintNamed(String orgId, String userId, String userName) {
        return sign(claims(orgId, userId, null, DEFAULT_ROLE).claim(InternalClaims.USER_NAME, userName));
    }

    /** @param apiKeyId null for principals that did not authenticate with an API key */
    public static String mint(String orgId, String userId, String apiKeyId, String role) {
        return sign(claims(orgId, userId, apiKeyId, role));
    }

    /** A token of a member holding a custom role ({@code role_…}) that grants {@code permissions} (wire names). */
    public static String mintWithPermissions(String orgId, String userId, String role, List<String> permissions) {
        return sign(claims(orgId, userId, null, role).claim(InternalClaims.PERMISSIONS, permissions));
    }

    /**
     * Verifies a token as a service behind the gateway would (signature, issuer, audience, expiry), for tests of a
     * module that mints tokens but does not verify them itself (the gateway has no JWT-verifying extension).
     */
    public static JsonWebToken verify(String token) {
        JWTAuthContextInfo expected = new JWTAuthContextInfo(
                InternalJwtTestResource.keys().publicKey().toString(), InternalJwtTestResource.ISSUER);
        expected.setExpectedAudience(Set.of(InternalJwtTestResource.AUDIENCE));
        try {
            return new DefaultJWTParser(expected).parse(token);
        } catch (ParseException e) {
            throw new AssertionError("not a valid internal JWT: " + e.getMessage(), e);
        }
    }

    private static JwtClaimsBuilder claims(String orgId, String userId, String apiKeyId, String role) {
        JwtClaimsBuilder claims = Jwt.issuer(InternalJwtTestResource.ISSUER)
                .audience(InternalJwtTestResource.AUDIENCE)
                .subject(userId)
                .claim("org_id", orgId)
                .claim("role", role == null ? DEFAULT_ROLE : role)
                // what the gateway puts there for a built-in role (a custom one: mintWithPermissions overrides it)
                .claim(InternalClaims.PERMISSIONS, Permission.ofBuiltInRole(role == null ? DEFAULT_ROLE : role)
                        .stream().map(Permission::wireName).toList())
                .claim("scope", FULL_ACCESS_SCOPE)
                .groups(Set.of("user"))
                .expiresIn(LIFETIME);
        if (apiKeyId != null) {
            claims.claim("api_key_id", apiKeyId);
        }
        return claims;
    }

    private static String sign(JwtClaimsBuilder claims) {
        return claims.sign(signingKey());
    }

    private static synchronized PrivateKey signingKey() {
        if (signingKey == null) {
            signingKey = InternalJwtTestResource.keys().loadPrivateKey();
        }
        return signingKey;
    }
}
