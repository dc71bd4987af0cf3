package io.leadline.platform.read;

import io.vertx.mutiny.sqlclient.Tuple;

import java.lang.reflect.Array;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The values of one SQL statement, bound by position ({@code $1}, {@code $2} ...). Every value a request carries
 * goes through here, so the statement text itself is made of the table's own constants only.
 */
public final class SqlParameters {

    private final List<Object> values = new ArrayList<>();

    /** Adds a value and answers its placeholder. Instants become UTC timestamps, collections typed arrays. */
    public String bind(Object value) {
        values.add(sqlValue(value));
        return "$" + values.size();
    }

    public List<Object> values() {
        return Collections.unmodifiableList(values);
    }

    public Tuple tuple() {
        return Tuple.tuple(new ArrayList<>(values));
    }

    private static Object sqlValue(Object value) {
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Collection<?> collection) {
            return array(collection);
        }
        return value;
    }

    /** The PostgreSQL client binds arrays of one element type, e.g. {@code String[]} for {@code = any($1)}. */
    private static Object array(Collection<?> items) {
        List<Object> converted = items.stream().map(SqlParameters::sqlValue).toList();
        Class<?> type = converted.isEmpty() ? String.class : converted.get(0).getClass();
        if (type == OffsetDateTime.class || type == String.class || type == Long.class || type == Boolean.class
                || type == java.time.LocalDate.class) {
            Object array = Array.newInstance(type, converted.size());
            for (int i = 0; i < converted.size(); i++) {
                Array.set(array, i, converted.get(i));
            }
            return array;
        }
        throw new IllegalArgumentException("no SQL array of " + type.getName());
    }
}
