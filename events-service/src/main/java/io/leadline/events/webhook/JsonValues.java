package io.leadline.events.webhook;

import com.fasterxml.jackson.databind.JsonNode;

/** JSON equality as a filter means it: numbers by value ({@code 1} equals {@code 1.0}), a missing key as null. */
final class JsonValues {

    private JsonValues() {
    }

    static boolean same(JsonNode value, JsonNode expected) {
        boolean valueNull = value == null || value.isNull() || value.isMissingNode();
        if (valueNull || expected.isNull()) {
            return valueNull && expected.isNull();
        }
        if (value.isNumber() && expected.isNumber()) {
            return value.decimalValue().compareTo(expected.decimalValue()) == 0;
        }
        return value.equals(expected);
    }
}
