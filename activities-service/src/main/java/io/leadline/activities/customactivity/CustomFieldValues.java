package io.leadline.activities.customactivity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.wire.RequestBody;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks a custom activity's values against its type's field definitions (crm-core's wire form): every key must be a
 * field of the type, every value of the field's type (a choice one of its choices, a list only where the field
 * accepts multiple values); a published activity needs every required field. Problems are field errors named
 * {@code custom.cf_…}.
 */
final class CustomFieldValues {

    private CustomFieldValues() {
    }

    /** Merges {@code changes} into {@code current} (null clears) and returns the result, failing {@code body} as it goes. */
    static ObjectNode check(Iterable<JsonNode> fields, ObjectNode current, ObjectNode changes, String status,
                            RequestBody body) {
        Map<String, JsonNode> byId = new HashMap<>();
        fields.forEach(field -> byId.put(field.path("id").asText(), field));
        ObjectNode merged = current.deepCopy();
        changes.fields().forEachRemaining(change -> {
            String key = CustomActivityInput.PREFIX + change.getKey();
            JsonNode field = byId.get(change.getKey());
            if (field == null) {
                body.fail(key, "Unknown custom field of this custom activity type.");
            } else if (change.getValue().isNull()) {
                merged.remove(change.getKey());
            } else {
                String problem = problemOf(field, change.getValue());
                if (problem != null) {
                    body.fail(key, problem);
                } else {
                    merged.set(change.getKey(), change.getValue());
                }
            }
        });
        if (CustomActivity.PUBLISHED.equals(status)) {
            byId.forEach((id, field) -> {
                if (field.path("required").asBoolean(false) && !merged.has(id)) {
                    body.fail(CustomActivityInput.PREFIX + id, "This field is required to publish.");
                }
            });
        }
        return merged;
    }

    private static String problemOf(JsonNode field, JsonNode value) {
        if (value.isArray()) {
            if (!field.path("accepts_multiple_values").asBoolean(false)) {
                return "This field accepts a single value.";
            }
            for (JsonNode item : value) {
                String problem = problemOfOne(field, item);
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        return problemOfOne(field, value);
    }

    private static String problemOfOne(JsonNode field, JsonNode value) {
        String type = field.path("type").asText();
        switch (type) {
            case "number":
                return value.isNumber() ? null : "Must be a number.";
            case "date":
                return value.isTextual() && parses(() -> LocalDate.parse(value.asText())) ? null
                        : "Must be a date (YYYY-MM-DD).";
            case "datetime":
                return value.isTextual() && parses(() -> OffsetDateTime.parse(value.asText())) ? null
                        : "Must be a date and time with a timezone (ISO 8601).";
            case "choices":
                for (JsonNode choice : field.path("choices")) {
                    if (choice.equals(value)) {
                        return null;
                    }
                }
                return "\"" + value.asText() + "\" is not one of the field's choices.";
            default:
                // text, textarea, and the reference types (user, contact, custom object ids) hold strings
                return value.isTextual() ? null : "Must be a string.";
        }
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
