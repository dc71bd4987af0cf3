package io.leadline.events.eventlog;

import io.leadline.platform.wire.CloseDateTimes;
import io.leadline.platform.wire.FieldErrors;
import io.leadline.platform.wire.FieldSelection;
import jakarta.ws.rs.core.MultivaluedMap;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A {@code GET /event/} request: equality filters, {@code date_updated} bounds, {@code _limit}, {@code _cursor} and
 * {@code _fields}. The event log pages by cursor only, so {@code _skip} and anything else unknown is a 400.
 */
record EventListQuery(Map<String, String> filters, List<DateBound> dateBounds, int limit, EventCursor cursor,
                      FieldSelection fields) {

    static final int MAX_LIMIT = 50;

    /** Close filter name → column; a fixed list, so column names never come from the request. */
    static final Map<String, String> FILTER_COLUMNS = Map.of(
            "object_type", "object_type",
            "object_id", "object_id",
            "action", "action",
            "lead_id", "lead_id",
            "user_id", "user_id",
            "request_id", "request_id");

    private static final Map<String, String> DATE_OPERATORS = Map.of(
            "date_updated__gt", ">", "date_updated__gte", ">=", "date_updated__lt", "<", "date_updated__lte", "<=");

    /** {@code date_updated <operator> at}. */
    record DateBound(String operator, Instant at) {
    }

    static EventListQuery parse(MultivaluedMap<String, String> params) {
        FieldErrors errors = new FieldErrors();
        Map<String, String> filters = new LinkedHashMap<>();
        List<DateBound> dateBounds = new java.util.ArrayList<>();
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            String name = param.getKey();
            String value = param.getValue().isEmpty() ? "" : param.getValue().get(0);
            if (FILTER_COLUMNS.containsKey(name)) {
                filters.put(name, value);
            } else if (DATE_OPERATORS.containsKey(name)) {
                Optional<Instant> at = CloseDateTimes.parseInstant(value);
                if (at.isEmpty()) {
                    errors.add(name, "Enter a valid date or datetime.");
                } else {
                    dateBounds.add(new DateBound(DATE_OPERATORS.get(name), at.get().truncatedTo(ChronoUnit.MICROS)));
                }
            } else if (name.equals("_skip")) {
                errors.add(name, "The event log does not support _skip; page with _cursor.");
            } else if (!isMeta(name)) {
                errors.add(name, name.startsWith("_") ? "Unknown parameter." : "Filtering by this field is not supported.");
            }
        }
        if (!EventFilterCombinations.allows(filters.keySet())) {
            errors.addGeneral("This combination of filters is not supported: " + String.join(", ", new TreeSet<>(filters.keySet()))
                    + ". Supported combinations (or any superset of one; a date_updated filter may be added to any): "
                    + EventFilterCombinations.describeAllowed() + ".");
        }
        int limit = limit(params.getFirst("_limit"), errors);
        EventCursor cursor = cursor(params.getFirst("_cursor"), errors);
        errors.throwIfAny();
        return new EventListQuery(filters, dateBounds, limit, cursor, FieldSelection.parse(params.getFirst("_fields")));
    }

    private static boolean isMeta(String name) {
        return name.equals("_limit") || name.equals("_cursor") || name.equals("_fields");
    }

    private static int limit(String text, FieldErrors errors) {
        if (text == null || text.isBlank()) {
            return MAX_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        errors.add("_limit", "Ensure this value is an integer between 1 and " + MAX_LIMIT + ".");
        return MAX_LIMIT;
    }

    private static EventCursor cursor(String text, FieldErrors errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return EventCursor.decode(text);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            errors.add("_cursor", "Invalid cursor.");
            return null;
        }
    }
}
