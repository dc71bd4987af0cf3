package io.leadline.core.custom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.wire.RequestBody;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Custom field values of any object (lead, contact, opportunity), sent and shown as {@code "custom.cf_…": value}
 * keys beside the object's own fields and stored by field id in one jsonb column. Definitions and type checks
 * arrive with the custom-fields issue; until then values are kept as sent.
 */
public final class CustomValues {

    public static final String PREFIX = "custom.";
    private static final Pattern FIELD_ID = Pattern.compile("cf_[A-Za-z0-9]+");
    /** A value's strings (a text field's value, each choice of a multi-choice field) and its list sizes. */
    public static final int MAX_VALUE_LENGTH = 10_000;
    public static final int MAX_VALUE_ITEMS = 100;
    // Plain conversions only, no configuration that could differ from the wire mapper.
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CustomValues() {
    }

    /**
     * The body's custom values by field id, in the order sent; a null value means "clear". A key that does not
     * name a field id becomes a field error of the body.
     */
    public static Map<String, Object> read(RequestBody body) {
        Map<String, Object> values = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            if (!key.startsWith(PREFIX)) {
                continue;
            }
            String fieldId = key.substring(PREFIX.length());
            if (!FIELD_ID.matcher(fieldId).matches()) {
                body.fail(key, "Unknown custom field; address custom fields by id, e.g. custom.cf_….");
                continue;
            }
            JsonNode value = body.value(key, MAX_VALUE_LENGTH, MAX_VALUE_ITEMS);
            if (value == null) {
                continue;
            }
            values.put(fieldId, value.isNull() ? null : MAPPER.convertValue(value, Object.class));
        }
        return values;
    }

    /** The stored values with the changes applied: null removes a value, anything else sets it. */
    public static Map<String, Object> merge(Map<String, Object> stored, Map<String, Object> changes) {
        Map<String, Object> merged = new LinkedHashMap<>(stored);
        changes.forEach((fieldId, value) -> {
            if (value == null) {
                merged.remove(fieldId);
            } else {
                merged.put(fieldId, value);
            }
        });
        return merged;
    }

    /**
     * Adds the values to an object's wire form, sorted by field id, so the output (and the change detection of
     * update events) doesn't depend on jsonb key order.
     */
    public static void write(Map<String, Object> values, ObjectNode json) {
        new TreeMap<>(values).forEach((fieldId, value) -> json.set(PREFIX + fieldId, MAPPER.valueToTree(value)));
    }
}
