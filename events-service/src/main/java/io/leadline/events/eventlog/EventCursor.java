package io.leadline.events.eventlog;

import io.leadline.platform.wire.CloseDateTimes;
import io.leadline.platform.wire.TextLimits;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The {@code _cursor} of {@code /event/}: a position in the log and the direction to read from it, encoded as
 * base64url. It holds no server state, so a cursor never expires: it stays valid as long as its position means
 * something (events past retention simply no longer appear).
 */
record EventCursor(Direction direction, EventPosition position) {

    /** {@code OLDER} continues a listing ({@code cursor_next}), {@code NEWER} goes back ({@code cursor_previous}). */
    enum Direction {
        OLDER("n"), NEWER("p");

        private final String code;

        Direction(String code) {
            this.code = code;
        }
    }

    private static final String VERSION = "1";

    String encode() {
        Instant at = position.dateUpdated();
        long micros = at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
        String text = VERSION + ":" + direction.code + ":" + micros + ":" + position.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the text is not a cursor this service issued */
    static EventCursor decode(String text) {
        String decoded = new String(Base64.getUrlDecoder().decode(text.trim()), StandardCharsets.UTF_8);
        String[] parts = decoded.split(":", 4);
        if (parts.length != 4 || !parts[0].equals(VERSION) || parts[3].isBlank()) {
            throw new IllegalArgumentException("Not a cursor");
        }
        Direction direction = switch (parts[1]) {
            case "n" -> Direction.OLDER;
            case "p" -> Direction.NEWER;
            default -> throw new IllegalArgumentException("Unknown cursor direction");
        };
        long micros = Long.parseLong(parts[2]);
        Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
        // A forged cursor must fail here, not in PostgreSQL: a position beyond timestamptz's range, or an id with
        // a NUL, would be a 500 from the database.
        if (!CloseDateTimes.isSupported(at) || TextLimits.unstorable(parts[3]) != null) {
            throw new IllegalArgumentException("Not a cursor");
        }
        return new EventCursor(direction, new EventPosition(at, parts[3]));
    }
}
