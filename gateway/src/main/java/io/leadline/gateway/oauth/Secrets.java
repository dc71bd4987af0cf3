package io.leadline.gateway.oauth;

import io.leadline.gateway.apikey.ApiKeySecrets;
import io.leadline.platform.id.Ids;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The random strings of OAuth: client secrets, codes and tokens. 43 base62 characters (~256 bits from
 * {@link java.security.SecureRandom}) cannot be guessed, so the database keeps their SHA-256, looked up directly.
 */
final class Secrets {

    private static final int LENGTH = Ids.LONG_LENGTH;

    private Secrets() {
    }

    static String generate(String prefix) {
        return prefix + "_" + Ids.randomBase62(LENGTH);
    }

    static String hash(String secret) {
        return ApiKeySecrets.hash(secret);
    }

    static boolean matches(String presented, String storedHash) {
        return presented != null && storedHash != null && ApiKeySecrets.matches(presented, storedHash);
    }

    /** RFC 7636 S256: BASE64URL(SHA-256(ASCII(code_verifier))), unpadded. */
    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static boolean sameText(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
