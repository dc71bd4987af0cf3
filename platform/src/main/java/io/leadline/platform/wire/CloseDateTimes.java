package io.leadline.platform.wire;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Close's date formats: datetimes as ISO-8601 with microseconds and an offset
 * ({@code 2024-05-01T10:00:00.123456+00:00}), dates as {@code YYYY-MM-DD}. Emitting is strict, parsing is tolerant
 * (Close's own webhook envelopes omit the offset).
 */
public final class CloseDateTimes {

    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    private CloseDateTimes() {
    }

    /** The current instant at PostgreSQL's precision, so what we return equals what we read back. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public static String format(Instant instant) {
        return instant == null ? null : DATETIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    public static String format(LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** A datetime with or without offset (UTC assumed), or a date (its start in UTC). */
    public static Optional<Instant> parseInstant(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.trim().replace(' ', 'T');
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException notOffset) {
            try {
                return Optional.of(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notLocal) {
                return parseDate(value).map(date -> date.atStartOfDay(ZoneOffset.UTC).toInstant());
            }
        }
    }

    public static Optional<LocalDate> parseDate(String text) {
        try {
            return Optional.of(LocalDate.parse(text.trim()));
        } catch (DateTimeParseException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** "Today" for the caller, whose clock runs {@code offsetHours} from UTC (the X-TZ-Offset header). */
    public static LocalDate today(double offsetHours) {
        int seconds = (int) Math.round(offsetHours * 3600);
        return LocalDate.now(ZoneOffset.ofTotalSeconds(seconds));
    }
}
