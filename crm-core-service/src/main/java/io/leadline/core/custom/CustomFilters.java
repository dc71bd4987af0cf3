package io.leadline.core.custom;

import io.leadline.platform.read.SqlCondition;
import io.leadline.platform.read.SqlParameters;
import io.leadline.platform.wire.CloseDateTimes;
import io.leadline.platform.wire.FieldErrors;
import io.leadline.platform.wire.TextLimits;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * List filters on custom values ({@code custom.cf_…=value}, {@code __in}, {@code __gt|gte|lt|lte}) as one bound
 * {@link SqlCondition} over an object's {@code custom} jsonb column. They work from the stored (normalised) values
 * alone, so a list stays one statement: equality is jsonb containment of the value as text, and as a number when it
 * is one, also inside a list ({@code GIN} index {@code *_custom}); ranges compare numbers, dates and datetimes with
 * SQL/JSON path (errors silenced, so a value of another kind simply doesn't match), after the key-exists test the
 * index answers. Field ids and values are always bound; the statement holds only constants.
 */
public final class CustomFilters {

    private static final Pattern PARAMETER = Pattern.compile("custom\\.(cf_[A-Za-z0-9]{1,60})(?:__(in|gt|gte|lt|lte))?");
    private static final Map<String, String> RANGES = Map.of("gt", ">", "gte", ">=", "lt", "<", "lte", "<=");
    private static final int MAX_IN = 100;
    private static final int MAX_NUMBER_LENGTH = 40;

    private final MultivaluedMap<String, String> rest;
    private final List<Filter> filters;

    private CustomFilters(MultivaluedMap<String, String> rest, List<Filter> filters) {
        this.rest = rest;
        this.filters = filters;
    }

    /** Takes the {@code custom.…} parameters out of the list's parameters; a malformed one is a 400 naming it. */
    public static CustomFilters parse(MultivaluedMap<String, String> params) {
        MultivaluedMap<String, String> rest = new MultivaluedHashMap<>();
        List<Filter> filters = new ArrayList<>();
        FieldErrors errors = new FieldErrors();
        // Sorted, so equal requests give identical SQL and reuse one prepared statement.
        for (Map.Entry<String, List<String>> param : new TreeMap<>(params).entrySet()) {
            String name = param.getKey();
            if (!name.startsWith(CustomValues.PREFIX)) {
                rest.put(name, param.getValue());
                continue;
            }
            Matcher matcher = PARAMETER.matcher(name);
            String value = param.getValue().isEmpty() ? "" : param.getValue().get(0);
            if (!matcher.matches()) {
                errors.add(name, "Filter custom fields by id: custom.cf_…, with __in, __gt, __gte, __lt or __lte.");
            } else if (TextLimits.unstorable(value) != null) {
                errors.add(name, TextLimits.unstorable(value));
            } else {
                filter(name, matcher.group(1), matcher.group(2), value, errors).ifPresent(filters::add);
            }
        }
        errors.throwIfAny();
        return new CustomFilters(rest, List.copyOf(filters));
    }

    /** The list's other parameters, for {@code ListQuery.parse}. */
    public MultivaluedMap<String, String> rest() {
        return rest;
    }

    /** The filters over the given jsonb column (e.g. {@code l.custom}), {@code ""} when there are none. */
    public SqlCondition condition(String column) {
        return parameters -> {
            StringBuilder sql = new StringBuilder();
            for (Filter filter : filters) {
                sql.append(" and ").append(filter.sql(column, parameters));
            }
            return sql.toString();
        };
    }

    /** Two conditions, one after the other (their values are bound in that order). */
    public static SqlCondition both(SqlCondition first, SqlCondition second) {
        return parameters -> first.sql(parameters) + second.sql(parameters);
    }

    private static Optional<Filter> filter(String name, String fieldId, String suffix, String value, FieldErrors errors) {
        if (suffix == null) {
            return Optional.of(new Equals(fieldId, List.of(value)));
        }
        if (suffix.equals("in")) {
            List<String> items = List.of(value.split(",", -1));
            if (items.size() > MAX_IN) {
                errors.add(name, "Ensure this list has no more than " + MAX_IN + " values.");
                return Optional.empty();
            }
            return Optional.of(new Equals(fieldId, items.stream().map(String::trim).toList()));
        }
        String operator = RANGES.get(suffix);
        String trimmed = value.trim();
        if (number(trimmed).isPresent()) {
            return Optional.of(new Range(fieldId, operator, trimmed, true));
        }
        Optional<String> moment = moment(trimmed);
        if (moment.isPresent()) {
            return Optional.of(new Range(fieldId, operator, moment.get(), false));
        }
        errors.add(name, "Compare custom values with a number, a date (YYYY-MM-DD) or a datetime.");
        return Optional.empty();
    }

    private static Optional<BigDecimal> number(String text) {
        if (text.isEmpty() || text.length() > MAX_NUMBER_LENGTH) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A date as sent, or a datetime in ISO form with its offset (SQL/JSON's datetime() reads both). */
    private static Optional<String> moment(String text) {
        if (CloseDateTimes.parseDate(text).isPresent()) {
            return Optional.of(text);
        }
        try {
            OffsetDateTime parsed = OffsetDateTime.parse(text);
            return parsed.getYear() >= CloseDateTimes.MIN_YEAR && parsed.getYear() <= CloseDateTimes.MAX_YEAR
                    ? Optional.of(CustomFieldType.formatDatetime(parsed)) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private interface Filter {
        String sql(String column, SqlParameters parameters);
    }

    /** The value is one of the texts (or, where a text is a number, that number), alone or in a list. */
    private record Equals(String fieldId, List<String> values) implements Filter {
        @Override
        public String sql(String column, SqlParameters parameters) {
            List<String> alternatives = new ArrayList<>();
            String key = parameters.bind(fieldId) + "::text";
            for (String value : values) {
                String text = parameters.bind(value) + "::text";
                alternatives.add(contains(column, key, text));
                if (number(value.trim()).isPresent()) {
                    alternatives.add(contains(column, key, parameters.bind(number(value.trim()).get()) + "::numeric"));
                }
            }
            return "(" + String.join(" or ", alternatives) + ")";
        }

        private static String contains(String column, String key, String value) {
            return column + " @> jsonb_build_object(" + key + ", " + value + ") or " + column
                    + " @> jsonb_build_object(" + key + ", jsonb_build_array(" + value + "))";
        }
    }

    /** A number compared with numbers, a date or datetime with dates or datetimes (lists: any item). */
    private record Range(String fieldId, String operator, String value, boolean numeric) implements Filter {
        @Override
        public String sql(String column, SqlParameters parameters) {
            String key = parameters.bind(fieldId) + "::text";
            String path = numeric ? "$ ? (@ " + operator + " $v)" : "$ ? (@.datetime() " + operator + " $v.datetime())";
            // The client binds a numeric parameter from a Number only.
            String bound = parameters.bind(numeric ? new BigDecimal(value) : value) + (numeric ? "::numeric" : "::text");
            return "(" + column + " ? " + key + " and jsonb_path_exists(" + column + " -> " + key + ", '" + path
                    + "', jsonb_build_object('v', " + bound + "), true))";
        }
    }
}
