package io.leadline.events.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.leadline.platform.wire.RequestBody;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A subscription's {@code extra_filter} (NOTES §8): a tree of nodes evaluated against the event object. Read once on
 * write (every bad node reported with its path) and kept as parsed nodes in the subscription cache, so delivery
 * matching never re-reads JSON.
 */
sealed interface ExtraFilter {

    /** Nodes in one tree at most; a filter is a handful of conditions, not a program. */
    int MAX_NODES = 100;

    Set<String> TYPES = Set.of("equals", "not_equals", "is_null", "non_null", "contains", "and", "or", "not",
            "field_accessor", "any_array_value");

    boolean test(JsonNode value);

    record Equals(JsonNode expected) implements ExtraFilter {
        public boolean test(JsonNode value) {
            return JsonValues.same(value, expected);
        }
    }

    record NotEquals(JsonNode expected) implements ExtraFilter {
        public boolean test(JsonNode value) {
            return !JsonValues.same(value, expected);
        }
    }

    record IsNull() implements ExtraFilter {
        public boolean test(JsonNode value) {
            return value == null || value.isNull() || value.isMissingNode();
        }
    }

    record NonNull() implements ExtraFilter {
        public boolean test(JsonNode value) {
            return !(value == null || value.isNull() || value.isMissingNode());
        }
    }

    /** An array holding the value, or a string holding it as a substring. */
    record Contains(JsonNode expected) implements ExtraFilter {
        public boolean test(JsonNode value) {
            if (value != null && value.isArray()) {
                for (JsonNode element : value) {
                    if (JsonValues.same(element, expected)) {
                        return true;
                    }
                }
                return false;
            }
            return value != null && value.isTextual() && expected.isTextual()
                    && value.textValue().contains(expected.textValue());
        }
    }

    record And(List<ExtraFilter> filters) implements ExtraFilter {
        public boolean test(JsonNode value) {
            return filters.stream().allMatch(filter -> filter.test(value));
        }
    }

    record Or(List<ExtraFilter> filters) implements ExtraFilter {
        public boolean test(JsonNode value) {
            return filters.stream().anyMatch(filter -> filter.test(value));
        }
    }

    record Not(ExtraFilter filter) implements ExtraFilter {
        public boolean test(JsonNode value) {
            return !filter.test(value);
        }
    }

    /**
     * Descends into {@code field}. Close's keys may hold dots ({@code custom.cf_…} is one key of a lead), so the
     * literal key wins; only when there is none is a dotted name walked as a path ({@code data.status_label}).
     */
    record FieldAccessor(String field, ExtraFilter filter) implements ExtraFilter {
        public boolean test(JsonNode value) {
            return filter.test(descend(value, field));
        }

        static JsonNode descend(JsonNode value, String field) {
            if (value == null || !value.isObject()) {
                return MissingNode.getInstance();
            }
            if (value.has(field) || field.indexOf('.') < 0) {
                return value.path(field);
            }
            JsonNode current = value;
            for (String key : field.split("\\.", -1)) {
                current = current.isObject() ? current.path(key) : MissingNode.getInstance();
            }
            return current;
        }
    }

    record AnyArrayValue(ExtraFilter filter) implements ExtraFilter {
        public boolean test(JsonNode value) {
            if (value == null || !value.isArray()) {
                return false;
            }
            for (JsonNode element : value) {
                if (filter.test(element)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Matches everything: a subscription event without {@code extra_filter}. */
    record Always() implements ExtraFilter {
        public boolean test(JsonNode value) {
            return true;
        }
    }

    /**
     * Reads a tree, reporting each bad node at its path below {@code path} (e.g.
     * {@code events.0.extra_filter.filters.1.value}); null after any error.
     */
    static ExtraFilter read(JsonNode node, String path, RequestBody body) {
        // every failing node answers null and so does each of its ancestors: null exactly when this tree had errors
        return new Reader(body, new int[] {0}).node(node, path);
    }

    /** Reads nodes depth first, counting them against {@link #MAX_NODES}. */
    final class Reader {
        private final RequestBody body;
        private final int[] nodes;

        private Reader(RequestBody body, int[] nodes) {
            this.body = body;
            this.nodes = nodes;
        }

        ExtraFilter node(JsonNode node, String path) {
            if (++nodes[0] > MAX_NODES) {
                body.fail(path, "A filter may have at most " + MAX_NODES + " nodes.");
                return null;
            }
            if (node == null || !node.isObject()) {
                body.fail(path, "Must be a filter object with a \"type\".");
                return null;
            }
            JsonNode type = node.get("type");
            if (type == null || !type.isTextual() || !TYPES.contains(type.textValue())) {
                body.fail(path + ".type", "Must be one of: " + String.join(", ", TYPES.stream().sorted().toList()) + ".");
                return null;
            }
            return switch (type.textValue()) {
                case "equals" -> value(node, path) == null ? null : new Equals(node.get("value"));
                case "not_equals" -> value(node, path) == null ? null : new NotEquals(node.get("value"));
                case "contains" -> value(node, path) == null ? null : new Contains(node.get("value"));
                case "is_null" -> new IsNull();
                case "non_null" -> new NonNull();
                case "and" -> list(node, path).map(And::new).orElse(null);
                case "or" -> list(node, path).map(Or::new).orElse(null);
                case "not" -> child(node, path, Not::new);
                case "any_array_value" -> child(node, path, AnyArrayValue::new);
                case "field_accessor" -> fieldAccessor(node, path);
                default -> throw new IllegalStateException(type.textValue());
            };
        }

        private JsonNode value(JsonNode node, String path) {
            JsonNode value = node.get("value");
            if (value == null) {
                body.fail(path + ".value", RequestBody.REQUIRED);
            }
            return value;
        }

        private java.util.Optional<List<ExtraFilter>> list(JsonNode node, String path) {
            JsonNode filters = node.get("filters");
            if (filters == null || !filters.isArray() || filters.isEmpty()) {
                body.fail(path + ".filters", "Must be a non-empty list of filters.");
                return java.util.Optional.empty();
            }
            List<ExtraFilter> children = new ArrayList<>();
            boolean valid = true;
            for (int i = 0; i < filters.size(); i++) {
                ExtraFilter child = node(filters.get(i), path + ".filters." + i);
                valid &= child != null;
                children.add(child);
            }
            return valid ? java.util.Optional.of(List.copyOf(children)) : java.util.Optional.empty();
        }

        private ExtraFilter child(JsonNode node, String path, java.util.function.Function<ExtraFilter, ExtraFilter> wrap) {
            ExtraFilter child = node(node.get("filter"), path + ".filter");
            return child == null ? null : wrap.apply(child);
        }

        private ExtraFilter fieldAccessor(JsonNode node, String path) {
            JsonNode field = node.get("field");
            boolean validField = field != null && field.isTextual() && !field.textValue().isEmpty()
                    && field.textValue().length() <= RequestBody.NAME_LENGTH;
            if (!validField) {
                body.fail(path + ".field", "Must be a non-empty field name of at most " + RequestBody.NAME_LENGTH
                        + " characters.");
            }
            ExtraFilter child = node(node.get("filter"), path + ".filter");
            return validField && child != null ? new FieldAccessor(field.textValue(), child) : null;
        }
    }
}
