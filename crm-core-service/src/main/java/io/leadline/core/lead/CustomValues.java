package io.leadline.core.lead;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Converts custom field values between the wire (JSON) and the jsonb column (plain Java values). */
final class CustomValues {

    // Plain conversions only, no configuration that could differ from the wire mapper.
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CustomValues() {
    }

    static Object toJava(JsonNode value) {
        return MAPPER.convertValue(value, Object.class);
    }

    static JsonNode toJson(Object value) {
        return MAPPER.valueToTree(value);
    }
}
