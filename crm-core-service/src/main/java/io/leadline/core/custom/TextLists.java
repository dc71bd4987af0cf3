package io.leadline.core.custom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.leadline.platform.wire.RequestBody;
import io.leadline.platform.wire.TextLimits;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Lists of names in configuration bodies: a field's {@code choices}, the {@code editable_with_roles} of fields and types. */
public final class TextLists {

    private TextLists() {
    }

    /** A list of distinct, non-blank, trimmed strings; null when absent, null, or after a field error. */
    public static List<String> distinct(RequestBody body, String field, int maxItems, int maxLength) {
        ArrayNode array = body.array(field, maxItems);
        if (array == null) {
            return body.isNull(field) ? List.of() : null;
        }
        Set<String> items = new LinkedHashSet<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            String key = field + "." + i;
            if (!item.isTextual() || item.asText().isBlank()) {
                body.fail(key, "Expected a non-empty text.");
            } else if (TextLimits.unstorable(item.asText()) != null) {
                body.fail(key, TextLimits.unstorable(item.asText()));
            } else if (item.asText().trim().length() > maxLength) {
                body.fail(key, "Ensure this field has no more than " + maxLength + " characters.");
            } else if (!items.add(item.asText().trim())) {
                body.fail(key, "\"" + item.asText().trim() + "\" is listed twice.");
            }
        }
        return new ArrayList<>(items);
    }
}
