package io.leadline.core.search;

import io.leadline.platform.security.Caller;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Named periods on the caller's clock (X-TZ-Offset), shared by the text language ({@code date_created:"this week"},
 * {@code "3 days ago"}) and the structured {@code start_end_of_predefined_relative_period} bounds. Weeks start on
 * Monday (ISO 8601); Close doesn't say.
 */
public final class RelativePeriods {

    private static final Pattern DAYS_AGO = Pattern.compile("(\\d{1,5}) days? ago");
    private static final Pattern WEEKS_AGO = Pattern.compile("(\\d{1,4}) weeks? ago");

    private RelativePeriods() {
    }

    /** From the first instant of the period to the first instant after it. */
    public record Period(Instant start, Instant end) {
    }

    /**
     * The period {@code name} stands for ({@code today}, {@code yesterday}, {@code tomorrow}, {@code this week},
     * {@code last week}, {@code next week}, the same for month, quarter and year, {@code N days ago},
     * {@code N weeks ago}); hyphens and underscores count as spaces, case is ignored.
     */
    public static Optional<Period> named(String name, ZoneOffset offset) {
        String key = name.toLowerCase(Locale.ROOT).replace('-', ' ').replace('_', ' ').trim().replaceAll("\\s+", " ");
        LocalDate today = LocalDate.now(offset);
        Matcher daysAgo = DAYS_AGO.matcher(key);
        if (daysAgo.matches()) {
            LocalDate day = today.minusDays(Long.parseLong(daysAgo.group(1)));
            return Optional.of(period(day, day.plusDays(1), offset));
        }
        Matcher weeksAgo = WEEKS_AGO.matcher(key);
        if (weeksAgo.matches()) {
            LocalDate monday = week(today).minusWeeks(Long.parseLong(weeksAgo.group(1)));
            return Optional.of(period(monday, monday.plusWeeks(1), offset));
        }
        LocalDate month = today.withDayOfMonth(1);
        LocalDate quarter = today.with(IsoFields.DAY_OF_QUARTER, 1);
        LocalDate year = today.withDayOfYear(1);
        return Optional.ofNullable(switch (key) {
            case "today" -> period(today, today.plusDays(1), offset);
            case "yesterday" -> period(today.minusDays(1), today, offset);
            case "tomorrow" -> period(today.plusDays(1), today.plusDays(2), offset);
            case "this week" -> period(week(today), week(today).plusWeeks(1), offset);
            case "last week" -> period(week(today).minusWeeks(1), week(today), offset);
            case "next week" -> period(week(today).plusWeeks(1), week(today).plusWeeks(2), offset);
            case "this month" -> period(month, month.plusMonths(1), offset);
            case "last month" -> period(month.minusMonths(1), month, offset);
            case "next month" -> period(month.plusMonths(1), month.plusMonths(2), offset);
            case "this quarter" -> period(quarter, quarter.plusMonths(3), offset);
            case "last quarter" -> period(quarter.minusMonths(3), quarter, offset);
            case "next quarter" -> period(quarter.plusMonths(3), quarter.plusMonths(6), offset);
            case "this year" -> period(year, year.plusYears(1), offset);
            case "last year" -> period(year.minusYears(1), year, offset);
            case "next year" -> period(year.plusYears(1), year.plusYears(2), offset);
            default -> null;
        });
    }

    /** The caller's clock: X-TZ-Offset as a zone offset. */
    public static ZoneOffset offsetOf(Caller caller) {
        return ZoneOffset.ofTotalSeconds((int) Math.round(caller.tzOffsetHours() * 3600));
    }

    /** A calendar day of the caller's clock as a period. */
    public static Period day(LocalDate day, ZoneOffset offset) {
        return period(day, day.plusDays(1), offset);
    }

    private static LocalDate week(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static Period period(LocalDate from, LocalDate until, ZoneOffset offset) {
        return new Period(from.atStartOfDay(offset).toInstant(), until.atStartOfDay(offset).toInstant());
    }
}
