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
 * (Close's own webhook envelopes omit the offset). Only years 1 to 9999 parse: PostgreSQL's {@code timestamptz} ends
 * in year 294276 and its {@code date} has no year 0, so anything outside that range would reach the database and fail
 * there (a 500) instead of being refused as the client's mistake; and four-digit years are what Close's format has.
 */
public final class CloseDateTimes {

    public static final int MIN_YEAR = 1;
    public static final int MAX_YEAR = 9999;

    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");
    /** Longer text is no date: parsing it would only cost time. */
    private static final int MAX_TEXT_LENGTH = 64;
    private static final Instant FIRST = LocalDate.of(MIN_YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant AFTER_LAST = LocalDate.of(MAX_YEAR + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

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

    /** A datetime with or without offset (UTC assumed), or a date (its start in UTC); empty outside years 1–9999. */
    public static Optional<Instant> parseInstant(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_TEXT_LENGTH) {
            return Optional.empty();
        }
        String value = text.trim().replace(' ', 'T');
        try {
            return inRange(OffsetDateTime.parse(value));
        } catch (DateTimeParseException notOffset) {
            try {
                return inRange(LocalDateTime.parse(value).atOffset(ZoneOffset.UTC));
            } catch (DateTimeParseException notLocal) {
                return parseDate(value).map(date -> date.atStartOfDay(ZoneOffset.UTC).toInstant());
            }
        }
    }

    /** A {@code YYYY-MM-DD} date; empty when it is none or lies outside years 1–9999. */
    public static Optional<LocalDate> parseDate(String text) {
        if (text == null || text.length() > MAX_TEXT_LENGTH) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(text.trim());
            return isSupportedYear(date.getYear()) ? Optional.of(date) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** True for an instant whose UTC year lies in 1–9999 (e.g. one decoded from a cursor). */
    public static boolean isSupported(Instant instant) {
        if (instant == null) {
            return false;
        }
        // Compared as instants: atOffset would throw beyond LocalDateTime's own range.
        return !instant.isBefore(FIRST) && instant.isBefore(AFTER_LAST);
    }

    private static boolean isSupportedYear(int year) {
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }

    /** The instant, when its UTC time lies in years 1–9999 (an offset may move the year across the bound). */
    private static Optional<Instant> inRange(OffsetDateTime value) {
        Instant instant = value.toInstant();
        return isSupported(instant) ? Optional.of(instant) : Optional.empty();
    }

    /** "Today" for the caller, whose clock runs {@code offsetHours} from UTC (the X-TZ-Offset header). */
    public static LocalDate today(double offsetHours) {
        int seconds = (int) Math.round(offsetHours * 3600);
        return LocalDate.now(ZoneOffset.ofTotalSeconds(seconds));
    }
}
