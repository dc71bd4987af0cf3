package io.leadline.events.eventlog;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The filter sets Close allows on {@code /event/} (NOTES §7): each one can be served from an index, so an
 * arbitrary mix that would scan an organization's whole log is refused instead. A date filter may join any of them.
 * Any superset of an allowed set is accepted too (clients send {@code object_id} + {@code object_type} +
 * {@code action} together): the allowed subset still picks the index and the extra filters only narrow its range.
 */
final class EventFilterCombinations {

    private static final List<Set<String>> ALLOWED = List.of(
            Set.of(),
            Set.of("object_type", "object_id"),
            Set.of("object_type", "action"),
            Set.of("object_id", "action"),
            Set.of("lead_id"),
            Set.of("lead_id", "object_type"),
            Set.of("lead_id", "object_type", "action"),
            Set.of("lead_id", "user_id"),
            Set.of("lead_id", "user_id", "object_type"),
            Set.of("lead_id", "user_id", "object_type", "action"),
            Set.of("user_id"),
            Set.of("user_id", "object_id"),
            Set.of("user_id", "object_id", "action"),
            Set.of("user_id", "object_type"),
            Set.of("user_id", "object_type", "action"),
            Set.of("request_id"));

    private EventFilterCombinations() {
    }

    static boolean allows(Set<String> filters) {
        // no filter at all is allowed, but being a superset of "no filter" is not: a lone object_type would scan
        return filters.isEmpty() || ALLOWED.stream().anyMatch(set -> !set.isEmpty() && filters.containsAll(set));
    }

    static String describeAllowed() {
        return ALLOWED.stream()
                .filter(set -> !set.isEmpty())
                .map(set -> set.stream().sorted().collect(Collectors.joining("+")))
                .collect(Collectors.joining(", "));
    }
}
