package io.leadline.core.task;

import io.leadline.platform.read.SqlCondition;
import io.leadline.platform.read.SqlParameters;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.FieldErrors;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The task-specific parts of a list or bulk-update query, which are not plain field filters: which types
 * ({@code _type}, {@code _type__in}; only {@code lead} tasks by default) and which view ({@code inbox},
 * {@code future}, {@code archive}), whose day boundaries are the caller's (X-TZ-Offset).
 */
record TaskScope(List<String> types, String view, LocalDate today, Instant tomorrowStarts) implements SqlCondition {

    static final String[] OWN_PARAMETERS = {"_type", "_type__in", "view", "format"};

    private static final String ALL_TYPES = "all";

    /** Reads the scope; field errors (unknown type or view) go to {@code errors}. */
    static TaskScope read(MultivaluedMap<String, String> params, Caller caller, FieldErrors errors) {
        List<String> types = types(params, errors).orElse(null);
        String view = params.getFirst("view");
        if (view == null || view.isBlank()) {
            return new TaskScope(types, null, null, null);
        }
        if (!List.of("inbox", "future", "archive").contains(view)) {
            errors.add("view", "\"" + view + "\" is not a valid choice. Choose one of: inbox, future, archive.");
            return new TaskScope(types, null, null, null);
        }
        LocalDate today = caller.today();
        return new TaskScope(types, view, today, today.plusDays(1).atStartOfDay(callerOffset(caller)).toInstant());
    }

    /** The scope over the task table's aliases ({@link TaskReads}), every value bound. */
    @Override
    public String sql(SqlParameters parameters) {
        StringBuilder sql = new StringBuilder();
        if (types != null) {
            sql.append(" and t.task_type = any(").append(parameters.bind(types)).append(")");
        }
        if (view != null) {
            switch (view) {
                // Dateless tasks are actionable now, so the inbox shows them.
                case "inbox" -> sql.append(" and not t.is_complete and (t.date_sort is null or t.date_on <= ")
                        .append(parameters.bind(today)).append(" or t.date_at < ").append(parameters.bind(tomorrowStarts))
                        .append(")");
                case "future" -> sql.append(" and not t.is_complete and (t.date_on > ").append(parameters.bind(today))
                        .append(" or t.date_at >= ").append(parameters.bind(tomorrowStarts)).append(")");
                default -> sql.append(" and t.is_complete");
            }
        }
        return sql.toString();
    }

    /** The parameters left for the generic filters: {@code inbox} and {@code future} override date__lt/date__gte. */
    static MultivaluedMap<String, String> filterParameters(MultivaluedMap<String, String> params) {
        MultivaluedMap<String, String> filters = new MultivaluedHashMap<>(params);
        String view = params.getFirst("view");
        if ("inbox".equals(view) || "future".equals(view)) {
            filters.remove("date__lt");
            filters.remove("date__gte");
        }
        return filters;
    }

    private static Optional<List<String>> types(MultivaluedMap<String, String> params, FieldErrors errors) {
        String type = params.getFirst("_type");
        String typeIn = params.getFirst("_type__in");
        if (type == null && typeIn == null) {
            return Optional.of(List.of(TaskTypes.LEAD));
        }
        if (ALL_TYPES.equals(type)) {
            return Optional.empty();
        }
        String field = type != null ? "_type" : "_type__in";
        List<String> types = type != null ? List.of(type)
                : Arrays.stream(typeIn.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
        if (types.isEmpty()) {
            errors.add(field, "Name at least one task type.");
        }
        for (String candidate : types) {
            if (!TaskTypes.ALL.contains(candidate)) {
                errors.add(field, "Unknown task type \"" + candidate + "\". Choose from: all, "
                        + String.join(", ", TaskTypes.ALL) + ".");
            }
        }
        return Optional.of(types);
    }

    private static ZoneOffset callerOffset(Caller caller) {
        return ZoneOffset.ofTotalSeconds((int) Math.round(caller.tzOffsetHours() * 3600));
    }
}
