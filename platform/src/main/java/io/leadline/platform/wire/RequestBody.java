package io.leadline.platform.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
 */
public final class RequestBody {

    public static final String REQUIRED = "This field is required.";

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

    /** The string, null when absent or null; a field error when it is another type. */
    public String string(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            fail(field, "Not a valid string.");
            return null;
        }
        return value.textValue();
    }

    public String requiredString(String field) {
        String value = string(field);
        if (value == null && !errors.has(prefix + field)) {
            fail(field, REQUIRED);
        }
        return value;
    }

    /** A required name or label: a string that is not blank, answered trimmed; null after a field error. */
    public String requiredNonBlank(String field) {
        String value = requiredString(field);
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

    public Long integer(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isNumber() && value.asDouble() == Math.rint(value.asDouble())) {
            return value.longValue();
        }
        if (value.isTextual()) {
            try {
                return Long.parseLong(value.textValue().trim());
            } catch (NumberFormatException ignored) {
                // falls through to the error
            }
        }
        fail(field, "A valid integer is required.");
        return null;
    }

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

    /** An array of objects, each read as its own body whose errors are reported as {@code field.index.sub}. */
    public ArrayNode array(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            fail(field, "Expected a list of items.");
            return null;
        }
        return (ArrayNode) value;
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
