package io.leadline.core.custom;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.platform.wire.CloseDateTimes;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of custom field Close has, and how one item of a value of each kind is checked and normalised. The
 * stored (and shown) form: numbers as JSON numbers, dates {@code YYYY-MM-DD}, datetimes ISO 8601 with the offset
 * they were sent with, everything else as text.
 */
public enum CustomFieldType {
    TEXT("text", false),
    TEXTAREA("textarea", false),
    NUMBER("number", false),
    DATE("date", false),
    DATETIME("datetime", false),
    CHOICES("choices", true),
    USER("user", true),
    CONTACT("contact", true),
    CUSTOM_OBJECT("custom_object", true),
    HIDDEN("hidden", false);

    /** Close's datetime values keep their offset; fractions only when there are some (microseconds at most). */
    private static final DateTimeFormatter DATETIME_OUT = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true).optionalEnd()
            .appendPattern("xxx")
            .toFormatter();
    /** Numbers are kept to 15 significant digits either side, so they survive a double anywhere downstream. */
    private static final BigDecimal NUMBER_BOUND = new BigDecimal("1e15");

    private final String wire;
    private final boolean mayHoldMany;

    CustomFieldType(String wire, boolean mayHoldMany) {
        this.wire = wire;
        this.mayHoldMany = mayHoldMany;
    }

    public String wire() {
        return wire;
    }

    /** Close allows multiple values only for choices, users, contacts and custom objects. */
    public boolean mayHoldMany() {
        return mayHoldMany;
    }

    /** Values are ids of other objects of the same lead (contacts, custom objects), checked against the database. */
    public boolean isReference() {
        return this == CONTACT || this == CUSTOM_OBJECT;
    }

    public static Optional<CustomFieldType> fromWire(String wire) {
        return Arrays.stream(values()).filter(type -> type.wire.equals(wire)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(CustomFieldType::wire).toList();
    }

    /**
     * One item of a value in its stored form, or empty when it isn't one of this type. Choices, user and contact ids
     * are checked against the definition and the database by the caller ({@link CustomFieldValues}).
     */
    Optional<Object> normalize(JsonNode item) {
        return switch (this) {
            case TEXT, TEXTAREA, HIDDEN -> text(item);
            case NUMBER -> number(item);
            case DATE -> item.isTextual() ? CloseDateTimes.parseDate(item.asText().trim()).map(LocalDate::toString)
                    .map(Object.class::cast) : Optional.empty();
            case DATETIME -> item.isTextual() ? datetime(item.asText().trim()) : Optional.empty();
            case CHOICES, USER, CONTACT, CUSTOM_OBJECT -> item.isTextual() && !item.asText().isBlank()
                    ? Optional.of(item.asText().trim()) : Optional.empty();
        };
    }

    String expectation() {
        return switch (this) {
            case TEXT, TEXTAREA, HIDDEN -> "Expected text.";
            case NUMBER -> "Expected a number.";
            case DATE -> "Expected a date (YYYY-MM-DD).";
            case DATETIME -> "Expected a datetime with its offset (e.g. 2024-05-01T10:30:00-08:00).";
            case CHOICES -> "Expected one of the field's choices.";
            case USER -> "Expected a user id or the name of a user of the organization.";
            case CONTACT -> "Expected the id of a contact of the same lead.";
            case CUSTOM_OBJECT -> "Expected the id of a custom object of the same lead.";
        };
    }

    /** Text fields take strings; a number or boolean becomes its text, as a form would send it. */
    private static Optional<Object> text(JsonNode item) {
        if (item.isTextual()) {
            return Optional.of(item.asText());
        }
        if (item.isNumber() || item.isBoolean()) {
            return Optional.of(item.asText());
        }
        return Optional.empty();
    }

    /** A JSON number or a numeric string; integral values are kept as integers, others as decimals. */
    private static Optional<Object> number(JsonNode item) {
        BigDecimal value;
        try {
            if (item.isNumber()) {
                value = item.decimalValue();
            } else if (item.isTextual() && !item.asText().isBlank() && item.asText().trim().length() <= 40) {
                value = new BigDecimal(item.asText().trim());
            } else {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (value.abs().compareTo(NUMBER_BOUND) >= 0) {
            return Optional.empty();
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            return Optional.of(stripped.longValueExact());
        }
        double asDouble = stripped.doubleValue();
        return Double.isFinite(asDouble) ? Optional.of(asDouble) : Optional.empty();
    }

    /** The stored form of a datetime: ISO 8601, seconds always, fractions to microseconds when any, offset kept. */
    static String formatDatetime(OffsetDateTime datetime) {
        return DATETIME_OUT.format(datetime.withNano(datetime.getNano() / 1000 * 1000));
    }

    /** ISO 8601 with an offset (kept); without one the time is taken as UTC. Years 1–9999. */
    private static Optional<Object> datetime(String text) {
        OffsetDateTime parsed;
        try {
            parsed = OffsetDateTime.parse(text);
        } catch (DateTimeParseException offsetMissing) {
            try {
                parsed = LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException notADatetime) {
                return Optional.empty();
            }
        }
        if (parsed.getYear() < CloseDateTimes.MIN_YEAR || parsed.getYear() > CloseDateTimes.MAX_YEAR) {
            return Optional.empty();
        }
        try {
            return Optional.of(formatDatetime(parsed));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
