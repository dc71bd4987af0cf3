package io.leadline.core.custom;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How a stored value becomes a value of a field's new type (or single-valued again): item by item, through the new
 * type's own normalisation, with two bridges Close's UI offers (a date becomes midnight UTC as a datetime, a datetime
 * its local date). Items that don't fit are answered as failures, never dropped silently. Idempotent: a value already
 * in the new form converts to itself, so values written during the conversion stay as they are.
 */
final class ValueConversion {

    /** The converted value ({@code null}: nothing left, the key goes) and the items that could not be converted. */
    record Converted(Object value, List<JsonNode> failed) {
    }

    private ValueConversion() {
    }

    /** Whether changing between the two types needs the stored values rewritten (text, textarea, hidden share a form). */
    static boolean needsConversion(CustomFieldType from, CustomFieldType to) {
        return from != to && !(isText(from) && isText(to));
    }

    /** Contacts and custom objects are ids checked against other rows: Close converts neither to nor from them. */
    static boolean convertible(CustomFieldType from, CustomFieldType to) {
        return from == to || (!from.isReference() && !to.isReference());
    }

    static Converted convert(JsonNode stored, CustomFieldType to, boolean multiple, List<String> choices) {
        List<JsonNode> items = new ArrayList<>();
        if (stored.isArray()) {
            stored.forEach(items::add);
        } else if (!stored.isNull()) {
            items.add(stored);
        }
        Set<Object> converted = new LinkedHashSet<>();
        List<JsonNode> failed = new ArrayList<>();
        for (JsonNode item : items) {
            Optional<Object> one = convertItem(item, to, choices);
            if (one.isPresent() && (multiple || converted.isEmpty())) {
                converted.add(one.get());
            } else if (one.isEmpty() || !converted.contains(one.get())) {
                failed.add(item);
            }
        }
        Object value = converted.isEmpty() ? null : multiple ? List.copyOf(converted) : converted.iterator().next();
        return new Converted(value, failed);
    }

    private static Optional<Object> convertItem(JsonNode item, CustomFieldType to, List<String> choices) {
        if (to == CustomFieldType.DATETIME && item.isTextual()) {
            Optional<Object> day = CustomFieldType.DATE.normalize(item);
            if (day.isPresent() && item.asText().trim().length() == 10) {
                return Optional.of(day.get() + "T00:00:00+00:00");
            }
        }
        if (to == CustomFieldType.DATE && item.isTextual()) {
            Optional<Object> instant = CustomFieldType.DATETIME.normalize(item);
            if (instant.isPresent() && item.asText().trim().length() > 10) {
                // the stored form starts with the local date at the value's own offset
                return Optional.of(((String) instant.get()).substring(0, 10));
            }
        }
        Optional<Object> normalized = to.normalize(item);
        if (to == CustomFieldType.CHOICES) {
            return normalized.filter(choices::contains);
        }
        return normalized;
    }

    private static boolean isText(CustomFieldType type) {
        return type == CustomFieldType.TEXT || type == CustomFieldType.TEXTAREA || type == CustomFieldType.HIDDEN;
    }
}
