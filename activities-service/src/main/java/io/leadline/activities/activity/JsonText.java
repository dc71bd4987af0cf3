package io.leadline.activities.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Lists and small objects kept as JSON text in a column (attachments, recipients): read back as written. */
public final class JsonText {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonText() {
    }

    /** The stored array, or an empty one when the column is null. */
    public static ArrayNode array(String stored) {
        JsonNode parsed = parse(stored);
        return parsed instanceof ArrayNode array ? array : JsonNodeFactory.instance.arrayNode();
    }

    /** The stored object, or an empty one when the column is null. */
    public static ObjectNode object(String stored) {
        JsonNode parsed = parse(stored);
        return parsed instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode();
    }

    private static JsonNode parse(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return JSON.readTree(stored);
        } catch (Exception e) {
            // only this service writes these columns, always from a JsonNode
            throw new IllegalStateException("a stored JSON column is not JSON", e);
        }
    }
}
