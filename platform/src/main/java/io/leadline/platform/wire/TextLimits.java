package io.leadline.platform.wire;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/**
 * What makes a string unfit to store: too long, a NUL (PostgreSQL's text can't hold one: "invalid byte sequence for
 * encoding UTF8: 0x00") or an unpaired surrogate (no UTF-8 encoding exists for it). Shared by body reads and the
 * filter on path and query parameters, so both refuse the same things with the same words.
 */
public final class TextLimits {

    private TextLimits() {
    }

    /** The problem with this text, or null when it may be stored. */
    public static String problem(String text, int maxLength) {
        if (text.length() > maxLength) {
            return "Ensure this field has no more than " + maxLength + " characters.";
        }
        return unstorable(text);
    }

    /** Why PostgreSQL could not store this text (a NUL, an unpaired surrogate), or null when it can. */
    public static String unstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "Null characters are not allowed.";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "Unpaired surrogate characters are not allowed.";
            }
        }
        return null;
    }

    /** The first problem anywhere in a JSON value (strings, object keys, array sizes, non-finite numbers), or null. */
    static String problemIn(JsonNode value, int maxLength, int maxItems) {
        if (value.isTextual()) {
            return problem(value.textValue(), maxLength);
        }
        if (value.isNumber()) {
            boolean finite = !(value.isDouble() || value.isFloat()) || Double.isFinite(value.doubleValue());
            return finite ? null : "Not a valid number.";
        }
        if (value.isArray()) {
            if (value.size() > maxItems) {
                return "Ensure this field has no more than " + maxItems + " elements.";
            }
            for (JsonNode element : value) {
                String problem = problemIn(element, maxLength, maxItems);
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        if (value.isObject()) {
            if (value.size() > maxItems) {
                return "Ensure this field has no more than " + maxItems + " elements.";
            }
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String problem = problem(field.getKey(), maxLength);
                if (problem == null) {
                    problem = problemIn(field.getValue(), maxLength, maxItems);
                }
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }
}
