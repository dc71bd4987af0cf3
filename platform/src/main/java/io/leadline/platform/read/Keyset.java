package io.leadline.platform.read;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the previous page ended: the values of the order's expressions (the id last) in its last row, as
 * {@link JsonPage#lastKey()} hands them out. Reading "after" them needs no offset, so deep pages cost what the first
 * one does. Null values sort as PostgreSQL sorts them (last ascending, first descending).
 */
public record Keyset(List<Object> values) {

    public Keyset {
        values = new ArrayList<>(values);
    }

    /** The rows strictly after this key in {@code order}, as a condition beginning with " and ". */
    String condition(List<ListQuery.Order> order, SqlParameters parameters) {
        if (values.size() != order.size()) {
            throw new IllegalArgumentException("a keyset needs one value per order item");
        }
        return " and (" + after(order, 0, parameters) + ")";
    }

    /** After on item {@code i}, or equal on it and after on the rest. */
    private String after(List<ListQuery.Order> order, int i, SqlParameters parameters) {
        ListQuery.Order item = order.get(i);
        Object value = values.get(i);
        String expression = item.expression();
        String beyond;
        String equal;
        if (value == null) {
            // Nulls come last ascending (nothing but nulls follows) and first descending (every non-null follows).
            beyond = item.descending() ? expression + " is not null" : "false";
            equal = expression + " is null";
        } else {
            String bound = parameters.bind(value);
            beyond = item.descending() ? expression + " < " + bound
                    : "(" + expression + " > " + bound + " or " + expression + " is null)";
            equal = expression + " = " + bound;
        }
        if (i == order.size() - 1) {
            return beyond;
        }
        return beyond + " or (" + equal + " and (" + after(order, i + 1, parameters) + "))";
    }
}
