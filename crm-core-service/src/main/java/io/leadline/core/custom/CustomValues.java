package io.leadline.core.custom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.wire.RequestBody;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Custom field values of any object (lead, contact, opportunity), sent and shown as {@code "custom.cf_…": value}
 * keys beside the object's own fields and stored by field id in one jsonb column. {@link #read} takes a body's
 * changes as sent ({@code custom.cf_x}, {@code custom.cf_x.add}, {@code custom.cf_x.remove}); {@link CustomFieldValues}
 * checks them against the organization's definitions and applies them.
 */
public final class CustomValues {

    public static final String PREFIX = "custom.";
    private static final Pattern KEY = Pattern.compile("custom\\.(cf_[A-Za-z0-9]+)(?:\\.(add|remove))?");
    /** A value's strings (a text field's value, each choice of a multi-choice field) and its list sizes. */
    public static final int MAX_VALUE_LENGTH = 10_000;
    public static final int MAX_VALUE_ITEMS = 100;
    // Plain conversions only, no configuration that could differ from the wire mapper.
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CustomValues() {
    }

    /** What a body does to one custom field: set (null clears), or add/remove items of a multi-valued field. */
    public enum Operation { SET, ADD, REMOVE }

    /** One {@code custom.…} key of a body: its key as sent (for errors), the field id, and the raw value. */
    public record Change(String key, String fieldId, Operation operation, JsonNode value) {
    }

    /**
     * The body's custom changes in the order sent. A key that does not name a field id (optionally with
     * {@code .add}/{@code .remove}) becomes a field error of the body; so does a value over the limits.
     */
    public static List<Change> read(RequestBody body) {
        List<Change> changes = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            String key = fields.next().getKey();
            if (!key.startsWith(PREFIX)) {
                continue;
            }
            Matcher matcher = KEY.matcher(key);
            if (!matcher.matches()) {
                body.fail(key, "Unknown custom field; address custom fields by id, e.g. custom.cf_….");
                continue;
            }
            JsonNode value = body.value(key, MAX_VALUE_LENGTH, MAX_VALUE_ITEMS);
            if (value == null) {
                continue;
            }
            Operation operation = matcher.group(2) == null ? Operation.SET
                    : matcher.group(2).equals("add") ? Operation.ADD : Operation.REMOVE;
            changes.add(new Change(key, matcher.group(1), operation, value));
        }
        return changes;
    }

    /** The JSON value as a plain Java value (maps, lists, strings, numbers) for the entity's jsonb column. */
    static Object plain(JsonNode value) {
        return MAPPER.convertValue(value, Object.class);
    }

    /**
     * Adds the values to an object's wire form, sorted by field id, so the output (and the change detection of
     * update events) doesn't depend on jsonb key order.
     */
    public static void write(Map<String, Object> values, ObjectNode json) {
        new TreeMap<>(values).forEach((fieldId, value) -> json.set(PREFIX + fieldId, MAPPER.valueToTree(value)));
    }
}
