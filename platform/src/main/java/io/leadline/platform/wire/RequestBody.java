package io.leadline.platform.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON request body read field by field. Close's PUT is a partial update, so each field has three states:
 * absent (leave alone), null (clear) and a value; {@link #has} tells the first apart from the others. Every type
 * problem is recorded as a field error instead of thrown, so the client gets all of them in one 400.
 *
 * <p>Every read is bounded, so no value can fail in the database instead of here: a string is at most
 * {@link #MAX_LENGTH} characters unless the read names its own limit ({@link #NAME_LENGTH} for names and labels,
 * {@link #ID_LENGTH} for ids, {@link #LONG_TEXT_LENGTH} for descriptions and notes), and never holds a NUL or an
 * unpaired surrogate (PostgreSQL's text can't store either); an array has at most {@link #MAX_ITEMS} elements unless
 * the read names its own limit; an integer is integral and within the read's bounds; a date lies in years 1–9999.
 * Close documents none of these limits; the numbers are ours (docs/architecture.md, "Bounded input", and the
 * services' READMEs).
 */
public final class RequestBody {

    public static final String REQUIRED = "This field is required.";
    /** Any string read without a limit of its own: titles, URLs, address lines, emails, phone numbers, types. */
    public static final int MAX_LENGTH = 2_000;
    /** Names and labels: the {@code varchar(255)} columns, and what Close's UI shows in one line. */
    public static final int NAME_LENGTH = 255;
    /** Object and user ids: the {@code varchar(64)} columns. Ours are 48 characters. */
    public static final int ID_LENGTH = 64;
    /** Free text: descriptions, notes, task texts. */
    public static final int LONG_TEXT_LENGTH = 100_000;
    /** Any array read without a limit of its own (contacts of a lead, addresses, statuses of a pipeline). */
    public static final int MAX_ITEMS = 100;

    private final ObjectNode node;
    private final FieldErrors errors;
    private final String prefix;

    private RequestBody(ObjectNode node, FieldErrors errors, String prefix) {
        this.node = node;
        this.errors = errors;
        this.prefix = prefix;
    }

    public static RequestBody of(JsonNode json) {
        if (json == null || json.isMissingNode() || json.isNull()) {
            throw ValidationException.of("The request body must be a JSON object.");
        }
        if (!json.isObject()) {
            throw ValidationException.of("The request body must be a JSON object.");
        }
        return new RequestBody((ObjectNode) json, new FieldErrors(), "");
    }

    public ObjectNode json() {
        return node;
    }

    public FieldErrors errors() {
        return errors;
    }

    public boolean has(String field) {
        return node.has(field);
    }

    public boolean isNull(String field) {
        return node.has(field) && node.get(field).isNull();
    }

    public Iterator<Map.Entry<String, JsonNode>> fields() {
        return node.fields();
    }

    /**
     * The string (at most {@link #MAX_LENGTH} characters), null when absent or null; a field error when it is another
     * type, too long or holds characters PostgreSQL can't store.
     */
    public String string(String field) {
        return string(field, MAX_LENGTH);
    }

    /** The string of at most {@code maxLength} characters, null when absent or null; otherwise as {@link #string(String)}. */
    public String string(String field, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            fail(field, "Not a valid string.");
            return null;
        }
        String text = value.textValue();
        String problem = TextLimits.problem(text, maxLength);
        if (problem != null) {
            fail(field, problem);
            return null;
        }
        return text;
    }

    public String requiredString(String field) {
        return requiredString(field, MAX_LENGTH);
    }

    public String requiredString(String field, int maxLength) {
        String value = string(field, maxLength);
        if (value == null && !errors.has(prefix + field)) {
            fail(field, REQUIRED);
        }
        return value;
    }

    /** A required name or label: a string that is not blank, answered trimmed; null after a field error. */
    public String requiredNonBlank(String field) {
        return requiredNonBlank(field, NAME_LENGTH);
    }

    /** A required string of at most {@code maxLength} characters that is not blank, answered trimmed. */
    public String requiredNonBlank(String field, int maxLength) {
        String value = requiredString(field, maxLength);
        if (value != null && value.isBlank()) {
            fail(field, "This field may not be blank.");
            return null;
        }
        return value == null ? null : value.trim();
    }

    public Boolean bool(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            fail(field, "Must be a valid boolean.");
            return null;
        }
        return value.booleanValue();
    }

    /** Any integer a {@code bigint} holds; see {@link #integer(String, long, long)}. */
    public Long integer(String field) {
        return integer(field, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /**
     * An integer from {@code min} to {@code max}: a JSON number without a fraction ({@code 12}, {@code 12.0},
     * {@code 1.2e3}) or its text ({@code "12"}). Null when absent or null; a field error for anything else, including
     * numbers outside the bounds, which are never clamped or rounded.
     */
    public Long integer(String field, long min, long max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        BigDecimal number = integral(value);
        if (number == null) {
            fail(field, "A valid integer is required.");
            return null;
        }
        if (number.compareTo(BigDecimal.valueOf(min)) < 0) {
            fail(field, "Ensure this value is greater than or equal to " + min + ".");
            return null;
        }
        if (number.compareTo(BigDecimal.valueOf(max)) > 0) {
            fail(field, "Ensure this value is less than or equal to " + max + ".");
            return null;
        }
        return number.longValueExact();
    }

    /** The value as an integral decimal, or null when it is not an integer (a fraction, NaN, text that isn't one). */
    private static BigDecimal integral(JsonNode value) {
        BigDecimal number;
        if (value.isIntegralNumber()) {
            number = new BigDecimal(value.bigIntegerValue());
        } else if (value.isNumber()) {
            if ((value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue())) {
                return null;
            }
            number = value.decimalValue();
        } else if (value.isTextual() && value.textValue().length() <= MAX_INTEGER_TEXT) {
            try {
                number = new BigDecimal(value.textValue().trim());
            } catch (NumberFormatException notANumber) {
                return null;
            }
        } else {
            return null;
        }
        if (number.signum() == 0) {
            return BigDecimal.ZERO;
        }
        // Far beyond any bound: answered as such before 1e999999999 makes the arithmetic below slow.
        if (number.precision() - number.scale() > MAX_INTEGER_TEXT) {
            BigDecimal huge = BigDecimal.TEN.pow(MAX_INTEGER_TEXT);
            return number.signum() < 0 ? huge.negate() : huge;
        }
        if (number.scale() > 0) {
            number = number.stripTrailingZeros();
            if (number.scale() > 0) {
                return null;
            }
        }
        return number.setScale(0);
    }

    /** Digits a long can have, with room for a sign and zeros: longer text is no integer we accept. */
    private static final int MAX_INTEGER_TEXT = 40;

    public Instant datetime(String field) {
        String text = string(field);
        if (text == null) {
            return null;
        }
        Optional<Instant> parsed = CloseDateTimes.parseInstant(text);
        if (parsed.isEmpty()) {
            fail(field, "Not a valid datetime.");
        }
        return parsed.orElse(null);
    }

    public LocalDate date(String field) {
        String text = string(field);
        if (text == null) {
            return null;
        }
        Optional<LocalDate> parsed = CloseDateTimes.parseDate(text);
        if (parsed.isEmpty()) {
            fail(field, "Not a valid date.");
        }
        return parsed.orElse(null);
    }

    /** A value from a closed set; anything else is a field error naming the allowed values. */
    public String choice(String field, Collection<String> allowed) {
        String value = string(field);
        if (value != null && !allowed.contains(value)) {
            fail(field, "\"" + value + "\" is not a valid choice. Choose one of: " + String.join(", ", allowed) + ".");
            return null;
        }
        return value;
    }

    /** An array of at most {@link #MAX_ITEMS} elements; null when absent, null, or after a field error. */
    public ArrayNode array(String field) {
        return array(field, MAX_ITEMS);
    }

    /** An array of at most {@code maxItems} elements; null when absent, null, or after a field error. */
    public ArrayNode array(String field, int maxItems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            fail(field, "Expected a list of items.");
            return null;
        }
        if (value.size() > maxItems) {
            fail(field, "Ensure this field has no more than " + maxItems + " elements.");
            return null;
        }
        return (ArrayNode) value;
    }

    /**
     * Any JSON value (a custom field's), bounded like the reads above: every string in it (object keys too) at most
     * {@code maxLength} characters and storable, every array at most {@code maxItems} elements, every number finite.
     * Null when absent; JSON null stays a {@code NullNode}, so "clear" remains distinguishable. After a field error,
     * null.
     */
    public JsonNode value(String field, int maxLength, int maxItems) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        String problem = TextLimits.problemIn(value, maxLength, maxItems);
        if (problem != null) {
            fail(field, problem);
            return null;
        }
        return value;
    }

    /** Reads one element of an array field as a nested body; its errors are reported as {@code field.index.name}. */
    public RequestBody nested(String field, int index, JsonNode element) {
        if (element == null || !element.isObject()) {
            fail(field + "." + index, "Must be an object.");
            return null;
        }
        return new RequestBody((ObjectNode) element, errors, prefix + field + "." + index + ".");
    }

    /** Records a problem with a field of this body. */
    public void fail(String field, String message) {
        errors.add(prefix + field, message);
    }

    public void throwIfInvalid() {
        errors.throwIfAny();
    }
}
