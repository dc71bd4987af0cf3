package io.leadline.core;

import java.util.List;
import java.util.Map;

/**
 * Hibernate Reactive reads a jsonb column only as a JSON object, so list-valued columns (addresses, emails ...)
 * store their list under one key. Entities expose the list; only they see the wrapper.
 */
public final class JsonColumnLists {

    private static final String ITEMS = "items";

    private JsonColumnLists() {
    }

    public static Map<String, Object> wrap(List<Map<String, Object>> items) {
        return Map.of(ITEMS, List.copyOf(items));
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> unwrap(Map<String, Object> column) {
        if (column == null) {
            return List.of();
        }
        Object items = column.get(ITEMS);
        return items == null ? List.of() : (List<Map<String, Object>>) items;
    }

    /** A list of plain values (names, ids) in its column form. */
    public static Map<String, Object> wrapValues(List<String> items) {
        return Map.of(ITEMS, List.copyOf(items));
    }

    @SuppressWarnings("unchecked")
    public static List<String> unwrapValues(Map<String, Object> column) {
        Object items = column == null ? null : column.get(ITEMS);
        return items == null ? List.of() : (List<String>) items;
    }
}
