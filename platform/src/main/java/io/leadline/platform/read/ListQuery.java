package io.leadline.platform.read;

import io.leadline.platform.wire.FieldErrors;
import io.leadline.platform.wire.FieldSelection;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A list request read against its {@link ReadTable}: {@code _skip}, {@code _limit}, {@code _fields},
 * {@code _order_by} and Django-style filters ({@code field}, {@code field__in}, {@code field__gt|gte|lt|lte}).
 * Anything it does not understand is a 400, so a typo never silently returns everything. Filters and orders only
 * ever name expressions of the table; values stay values ({@link SqlParameters}).
 */
public final class ListQuery {

    public static final int DEFAULT_LIMIT = 100;
    /** The limit of {@link #everything}: far above what such lists hold, yet a bound. */
    static final int EVERYTHING = 10_000;

    private static final Map<String, String> OPERATORS = Map.of("gt", ">", "gte", ">=", "lt", "<", "lte", "<=");

    private final int skip;
    private final int limit;
    private final FieldSelection fields;
    private final List<Condition> conditions;
    private final List<Order> order;

    private ListQuery(int skip, int limit, FieldSelection fields, List<Condition> conditions, List<Order> order) {
        this.skip = skip;
        this.limit = limit;
        this.fields = fields;
        this.conditions = conditions;
        this.order = order;
    }

    public static ListQuery parse(MultivaluedMap<String, String> params, ReadTable table) {
        FieldErrors errors = new FieldErrors();
        int skip = nonNegative(params.getFirst("_skip"), 0, "_skip", errors);
        int limit = nonNegative(params.getFirst("_limit"), DEFAULT_LIMIT, "_limit", errors);
        if (limit > table.maxLimit()) {
            errors.add("_limit", "Ensure this value is less than or equal to " + table.maxLimit() + ".");
        }
        List<Condition> conditions = new ArrayList<>();
        // Sorted, so equal requests give identical SQL and reuse one prepared statement.
        for (Map.Entry<String, List<String>> param : new TreeMap<>(params).entrySet()) {
            String name = param.getKey();
            if (name.startsWith("_") || table.handlesItself(name)) {
                continue;
            }
            condition(name, param.getValue().get(0), table, errors).ifPresent(conditions::add);
        }
        for (String meta : params.keySet()) {
            if (meta.startsWith("_") && !isKnownMeta(meta) && !table.handlesItself(meta)) {
                errors.add(meta, "Unknown parameter.");
            }
        }
        List<Order> order = order(params.getFirst("_order_by"), table, errors);
        errors.throwIfAny();
        return new ListQuery(skip, limit, FieldSelection.parse(params.getFirst("_fields")), conditions, order);
    }

    /**
     * Every object of a small list (an organization's statuses or pipelines, which Close pages never) in the table's
     * default order, with {@code _fields}.
     */
    public static ListQuery everything(ReadTable table, FieldSelection fields) {
        FieldErrors errors = new FieldErrors();
        List<Order> order = order(null, table, errors);
        errors.throwIfAny();
        return new ListQuery(0, EVERYTHING, fields, List.of(), order);
    }

    public int skip() {
        return skip;
    }

    public int limit() {
        return limit;
    }

    public FieldSelection fields() {
        return fields;
    }

    /** The order, ending with the id so pages never overlap or skip rows. */
    public List<Order> order() {
        return order;
    }

    /** The filters as SQL to append after a {@code where} that already scopes the organization. */
    public String conditions(SqlParameters parameters) {
        StringBuilder sql = new StringBuilder();
        for (Condition condition : conditions) {
            sql.append(" and ").append(condition.sql(parameters));
        }
        return sql.toString();
    }

    /** {@code expr asc|desc, ..., id asc|desc}. */
    public String orderBy() {
        return String.join(", ", order.stream().map(Order::sql).toList());
    }

    private static Optional<Condition> condition(String name, String raw, ReadTable table, FieldErrors errors) {
        String field = name;
        String operator = "=";
        int split = name.lastIndexOf("__");
        if (split > 0) {
            String suffix = name.substring(split + 2);
            if (suffix.equals("in") || OPERATORS.containsKey(suffix)) {
                field = name.substring(0, split);
                operator = suffix.equals("in") ? "in" : OPERATORS.get(suffix);
            }
        }
        ReadTable.Filterable filterable = table.filter(field);
        if (filterable == null) {
            errors.add(name, "Filtering by this field is not supported.");
            return Optional.empty();
        }
        if (operator.equals("in")) {
            List<Object> values = new ArrayList<>();
            for (String item : raw.split(",")) {
                Optional<Object> value = filterable.type().parse(item.trim());
                if (value.isEmpty()) {
                    errors.add(name, "Invalid value: " + item.trim());
                    return Optional.empty();
                }
                values.add(value.get());
            }
            return Optional.of(new Condition(filterable.expression(), "in", values, filterable.groupsOf()));
        }
        Optional<Object> value = filterable.type().parse(raw);
        if (value.isEmpty()) {
            errors.add(name, "Invalid value: " + raw);
            return Optional.empty();
        }
        return Optional.of(new Condition(filterable.expression(), operator, operator.equals("=")
                && filterable.groupsOf() != null ? List.of(value.get()) : value.get(),
                operator.equals("=") ? filterable.groupsOf() : null));
    }

    private static List<Order> order(String orderBy, ReadTable table, FieldErrors errors) {
        String requested = orderBy == null || orderBy.isBlank() ? table.defaultOrder() : orderBy;
        List<Order> items = new ArrayList<>();
        if (requested != null) {
            for (String item : Arrays.stream(requested.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()) {
                boolean descending = item.startsWith("-");
                String name = descending ? item.substring(1) : item;
                String expression = table.orderExpression(name);
                if (expression == null) {
                    errors.add("_order_by", "Ordering by \"" + name + "\" is not supported. Choose from: "
                            + String.join(", ", table.orderNames()) + ".");
                    return items;
                }
                items.add(new Order(expression, descending));
            }
        }
        boolean descendingLast = !items.isEmpty() && items.get(items.size() - 1).descending();
        items.add(new Order(table.idColumn(), descendingLast));
        return List.copyOf(items);
    }

    private static boolean isKnownMeta(String name) {
        return switch (name) {
            case "_skip", "_limit", "_fields", "_order_by" -> true;
            default -> false;
        };
    }

    private static int nonNegative(String text, int fallback, String field, FieldErrors errors) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        errors.add(field, "A valid non-negative integer is required.");
        return fallback;
    }

    /** One item of the order: an expression of the table and its direction (PostgreSQL's null placement). */
    public record Order(String expression, boolean descending) {
        String sql() {
            return expression + (descending ? " desc" : " asc");
        }
    }

    /** {@code groupsOf}: the organization column to expand group ids within, for user filters; else null. */
    private record Condition(String expression, String operator, Object value, String groupsOf) {
        String sql(SqlParameters parameters) {
            if (groupsOf != null) {
                // the ids as given match users, and group ids their members: one parameter, one statement
                String ids = parameters.bind(value);
                return "(" + expression + " = any(" + ids + ") or " + expression + " in (select gm.user_id"
                        + " from group_member gm where gm.organization_id = " + groupsOf
                        + " and gm.group_id = any(" + ids + ")))";
            }
            if (operator.equals("in")) {
                return expression + " = any(" + parameters.bind(value) + ")";
            }
            return expression + " " + operator + " " + parameters.bind(value);
        }
    }
}
