package io.leadline.core.task;

import io.leadline.platform.wire.CloseDateTimes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * When a task is actionable: a whole day ({@code 2024-05-01}), an instant ({@code 2024-05-01T10:00:00+00:00}), or
 * nothing (a dateless task). Close accepts both forms and answers in the form it was given.
 */
public record TaskDate(LocalDate day, Instant at) {

    public static final TaskDate NONE = new TaskDate(null, null);

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter SORT_TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");

    /** The date from its wire text, or empty when it is neither a valid day nor a valid datetime. */
    public static Optional<TaskDate> parse(String text) {
        String value = text.trim();
        if (DAY.matcher(value).matches()) {
            return CloseDateTimes.parseDate(value).map(day -> new TaskDate(day, null));
        }
        if (!value.contains("T") && !value.contains(" ")) {
            return Optional.empty();
        }
        return CloseDateTimes.parseInstant(value).map(instant -> new TaskDate(null, instant.truncatedTo(ChronoUnit.MICROS)));
    }

    public boolean isDateless() {
        return day == null && at == null;
    }

    /** The wire form: the day as {@code YYYY-MM-DD}, the instant in Close's datetime format, or null. */
    public String wire() {
        return day != null ? CloseDateTimes.format(day) : CloseDateTimes.format(at);
    }

    /** The instant the task becomes due; a day counts from its start in UTC. */
    Instant effective() {
        return day != null ? day.atStartOfDay(ZoneOffset.UTC).toInstant() : at;
    }

    /** A key whose "C"-collation order puts a day's date-only tasks before its timed ones (see V4__tasks.sql). */
    String sortKey() {
        if (day != null) {
            return day + " 0";
        }
        if (at == null) {
            return null;
        }
        LocalDateTime utc = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        return utc.toLocalDate() + " 1 " + SORT_TIME.format(utc);
    }
}
