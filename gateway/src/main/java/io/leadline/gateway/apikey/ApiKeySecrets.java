package io.leadline.gateway.apikey;

import io.leadline.platform.id.Ids;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The format of API keys, {@code api_<22 base62>.<22 base62>}: the part before the dot is the key's id (what events
 * record as api_key_id and what we look up), the rest is the secret.
 */
public final class ApiKeySecrets {

    private static final String PREFIX = "api";
    private static final int SECRET_LENGTH = 22;

    private ApiKeySecrets() {
    }

    /** A new key: its id and the full key to show once. */
    public record NewKey(String id, String fullKey) {
    }

    public static NewKey generate() {
        String id = PREFIX + "_" + Ids.randomBase62(Ids.SHORT_LENGTH);
        return new NewKey(id, id + "." + Ids.randomBase62(SECRET_LENGTH));
    }

    /** The id part of a presented key, if it has the shape of one. */
    public static Optional<String> idOf(String fullKey) {
        int dot = fullKey == null ? -1 : fullKey.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String id = fullKey.substring(0, dot);
        return Ids.looksLike(id, PREFIX, Ids.SHORT_LENGTH) ? Optional.of(id) : Optional.empty();
    }

    public static String hash(String fullKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(fullKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Compares in constant time, so response timing reveals nothing about how much of a guess was right. */
    public static boolean matches(String fullKey, String storedHash) {
        return MessageDigest.isEqual(
                hash(fullKey).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
