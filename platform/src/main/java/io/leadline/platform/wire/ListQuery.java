package io.leadline.platform.wire;

import jakarta.ws.rs.core.MultivaluedMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A list request read against its {@link ListSpec}: {@code _skip}, {@code _limit}, {@code _fields},
 * {@code _order_by} and Django-style filters ({@code field}, {@code field__in}, {@code field__gt|gte|lt|lte}).
 * Anything it does not understand is a 400, so a typo never silently returns everything.
 */
public final class ListQuery {

    private static final Map<String, String> OPERATORS = Map.of("gt", ">", "gte", ">=", "lt", "<", "lte", "<=");

    private final int skip;
    private final int limit;
    private final FieldSelection fields;
    private final List<Condition> conditions;
    private final List<String> orderClauses;

    private ListQuery(int skip, int limit, FieldSelection fields, List<Condition> conditions, List<String> orderClauses) {
        this.skip = skip;
        this.limit = limit;
        this.fields = fields;
        this.conditions = conditions;
        this.orderClauses = orderClauses;
    }

    public static ListQuery parse(MultivaluedMap<String, String> params, ListSpec spec) {
        FieldErrors errors = new FieldErrors();
        int skip = nonNegative(params.getFirst("_skip"), 0, "_skip", errors);
        int limit = nonNegative(params.getFirst("_limit"), ListSpec.DEFAULT_LIMIT, "_limit", errors);
        if (limit > spec.maxLimit()) {
            errors.add("_limit", "Ensure this value is less than or equal to " + spec.maxLimit() + ".");
        }
        List<Condition> conditions = new ArrayList<>();
        // Sorted, so equal requests give identical HQL and reuse one cached query plan.
        for (Map.Entry<String, List<String>> param : new TreeMap<>(params).entrySet()) {
            String name = param.getKey();
            if (name.startsWith("_") || spec.handlesItself(name)) {
                continue;
            }
            condition(name, param.getValue().get(0), spec, conditions.size(), errors).ifPresent(conditions::add);
        }
        for (String meta : params.keySet()) {
            if (meta.startsWith("_") && !isKnownMeta(meta) && !spec.handlesItself(meta)) {
                errors.add(meta, "Unknown parameter.");
            }
        }
        List<String> order = orderClauses(params.getFirst("_order_by"), spec, errors);
        errors.throwIfAny();
        return new ListQuery(skip, limit, FieldSelection.parse(params.getFirst("_fields")), conditions, order);
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

    /** HQL conditions to append after a {@code where} that already scopes the organization, each prefixed by "and". */
    public String hqlConditions() {
        StringBuilder hql = new StringBuilder();
        for (Condition condition : conditions) {
            hql.append(" and ").append(condition.hql());
        }
        return hql.toString();
    }

    public Map<String, Object> hqlParameters() {
        Map<String, Object> values = new LinkedHashMap<>();
        conditions.forEach(condition -> values.put(condition.parameter(), condition.value()));
        return values;
    }

    /** The {@code order by} clause, ending with the id so pages never overlap or skip rows. */
    public String hqlOrderBy() {
        return " order by " + String.join(", ", orderClauses);
    }

    private static Optional<Condition> condition(String name, String raw, ListSpec spec, int index, FieldErrors errors) {
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
        ListSpec.Filterable filterable = spec.filter(field);
        if (filterable == null) {
            errors.add(name, "Filtering by this field is not supported.");
            return Optional.empty();
        }
        String parameter = "f" + index;
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
            return Optional.of(new Condition(filterable.path() + " in (:" + parameter + ")", parameter, values));
        }
        Optional<Object> value = filterable.type().parse(raw);
        if (value.isEmpty()) {
            errors.add(name, "Invalid value: " + raw);
            return Optional.empty();
        }
        return Optional.of(new Condition(filterable.path() + " " + operator + " :" + parameter, parameter, value.get()));
    }

    private static List<String> orderClauses(String orderBy, ListSpec spec, FieldErrors errors) {
        String requested = orderBy == null || orderBy.isBlank() ? spec.defaultOrder() : orderBy;
        List<String> clauses = new ArrayList<>();
        if (requested != null) {
            for (String item : Arrays.stream(requested.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()) {
                boolean descending = item.startsWith("-");
                String name = descending ? item.substring(1) : item;
                String path = spec.orderPath(name);
                if (path == null) {
                    errors.add("_order_by", "Ordering by \"" + name + "\" is not supported. Choose from: "
                            + String.join(", ", spec.orderNames()) + ".");
                    return clauses;
                }
                clauses.add(path + (descending ? " desc" : " asc"));
            }
        }
        boolean descendingLast = !clauses.isEmpty() && clauses.get(clauses.size() - 1).endsWith(" desc");
        clauses.add(spec.idPath() + (descendingLast ? " desc" : " asc"));
        return clauses;
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

    private record Condition(String hql, String parameter, Object value) {
    }
}
