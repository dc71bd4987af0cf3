package io.leadline.platform.id;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Close-style object ids: {@code <prefix>_<base62>}. Both forms begin with a fixed-width time component so that
 * new rows land at the right-hand end of B-tree indexes instead of splitting pages all over them; the rest is
 * random, so ids stay unguessable.
 */
public final class Ids {

    /** Characters after the prefix for older Close objects (lead_, cont_, orga_, user_, stat_ ...). */
    public static final int LONG_LENGTH = 43;
    /** Characters after the prefix for newer, UUID-sized ids (ev_, req_, whsub_ ...). */
    public static final int SHORT_LENGTH = 22;

    private static final char[] BASE62 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    // 62^9 microseconds reach far past year 2400; 62^8 milliseconds reach past year 8900.
    private static final int LONG_TIME_DIGITS = 9;
    private static final int SHORT_TIME_DIGITS = 8;
    private static final SecureRandom RANDOM = new SecureRandom();
    // the largest multiple of 62 a byte holds: bytes below it map onto base62 without bias
    private static final int UNBIASED_BYTES = 62 * 4;

    private Ids() {
    }

    /** A 43-character id, time-ordered to the microsecond. */
    public static String longId(String prefix) {
        Instant now = Instant.now();
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, now);
        return build(prefix, micros, LONG_TIME_DIGITS, LONG_LENGTH);
    }

    /** A 22-character id, time-ordered to the millisecond. */
    public static String shortId(String prefix) {
        return build(prefix, System.currentTimeMillis(), SHORT_TIME_DIGITS, SHORT_LENGTH);
    }

    /** True when {@code id} has the given prefix and a body of base62 characters of the given length. */
    public static boolean looksLike(String id, String prefix, int length) {
        if (id == null || !id.startsWith(prefix + "_") || id.length() != prefix.length() + 1 + length) {
            return false;
        }
        for (int i = prefix.length() + 1; i < id.length(); i++) {
            if (!isBase62(id.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A random base62 string, for secrets such as API keys and tokens. */
    public static String randomBase62(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = BASE62[RANDOM.nextInt(BASE62.length)];
        }
        return new String(out);
    }

    private static String build(String prefix, long time, int timeDigits, int length) {
        char[] body = new char[length];
        long rest = time;
        for (int i = timeDigits - 1; i >= 0; i--) {
            body[i] = BASE62[(int) (rest % 62)];
            rest /= 62;
        }
        // one draw from the SecureRandom per id, not one per character: each draw takes its lock and a digest, and
        // the gateway mints an id for every request. Bytes >= 248 are skipped so every character stays uniform.
        byte[] random = new byte[length];
        int next = random.length;
        for (int i = timeDigits; i < length; i++) {
            int value;
            do {
                if (next == random.length) {
                    RANDOM.nextBytes(random);
                    next = 0;
                }
                value = random[next++] & 0xFF;
            } while (value >= UNBIASED_BYTES);
            body[i] = BASE62[value % BASE62.length];
        }
        return prefix + "_" + new String(body);
    }

    private static boolean isBase62(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
