package io.leadline.core.savedsearch;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.core.search.SearchFilter;
import io.leadline.core.search.StructuredQueryParser;
import io.leadline.platform.wire.FieldErrors;
import io.leadline.platform.wire.ValidationException;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A {@code POST /data/search/} body (NOTES §9), read and checked before anything runs: {@code query} (required),
 * {@code _fields} per object type, {@code sort}, {@code _limit}, {@code results_limit}, {@code include_counts},
 * {@code cursor}. Any other key, or a value of the wrong shape, is a 400 on its key.
 */
final class DataSearchRequest {

    static final int MAX_LIMIT = 100;
    private static final Set<String> KEYS = Set.of("query", "_fields", "sort", "_limit", "results_limit",
            "include_counts", "cursor");
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]{0,99}");

    final JsonNode queryJson;
    final SearchFilter filter;
    final String objectType;
    /** The names asked for the searched type; {@code id} alone by default, as Close answers. */
    final List<String> fields;
    final List<SortItem> sort;
    final int limit;
    final Long resultsLimit;
    final boolean includeCounts;
    final String cursor;

    record SortItem(String field, boolean descending, String path) {
    }

    private DataSearchRequest(JsonNode body, ZoneOffset callerOffset, String callerUserId) {
        if (body == null || !body.isObject()) {
            throw ValidationException.of("The body must be a JSON object.");
        }
        FieldErrors errors = new FieldErrors();
        body.fieldNames().forEachRemaining(key -> {
            if (!KEYS.contains(key)) {
                errors.add(key, "Unknown parameter.");
            }
        });
        errors.throwIfAny();
        queryJson = body.get("query");
        if (queryJson == null || queryJson.isNull()) {
            throw ValidationException.field("query", "This field is required.");
        }
        filter = StructuredQueryParser.parse(queryJson, "query", callerOffset, callerUserId);
        objectType = StructuredQueryParser.objectType(filter, "query");
        fields = fields(body.get("_fields"), objectType);
        sort = sort(body.get("sort"), objectType);
        limit = (int) integer(body, "_limit", MAX_LIMIT, 1, MAX_LIMIT);
        JsonNode results = body.get("results_limit");
        resultsLimit = results == null || results.isNull() ? null : integer(body, "results_limit", 0, 0, Long.MAX_VALUE);
        JsonNode counts = body.get("include_counts");
        if (counts != null && !counts.isNull() && !counts.isBoolean()) {
            throw ValidationException.field("include_counts", "Must be true or false.");
        }
        includeCounts = counts != null && counts.asBoolean(false);
        JsonNode cursorJson = body.get("cursor");
        if (cursorJson != null && !cursorJson.isNull() && !cursorJson.isTextual()) {
            throw ValidationException.field("cursor", "Invalid cursor.");
        }
        cursor = cursorJson == null || cursorJson.isNull() || cursorJson.asText().isEmpty() ? null : cursorJson.asText();
    }

    static DataSearchRequest read(JsonNode body, ZoneOffset callerOffset, String callerUserId) {
        return new DataSearchRequest(body, callerOffset, callerUserId);
    }

    /** The list's {@code _order_by} the sort stands for (the read table checks the names). */
    String orderBy() {
        return String.join(",", sort.stream().map(item -> (item.descending() ? "-" : "") + item.field()).toList());
    }

    private static List<String> fields(JsonNode json, String objectType) {
        if (json == null || json.isNull()) {
            return List.of("id");
        }
        if (!json.isObject()) {
            throw ValidationException.field("_fields", "An object of field lists by object type is required.");
        }
        List<String> names = new ArrayList<>();
        for (var entry : (Iterable<java.util.Map.Entry<String, JsonNode>>) json::fields) {
            JsonNode list = entry.getValue();
            String path = "_fields." + entry.getKey();
            if (!list.isArray() || list.size() > MAX_LIMIT) {
                throw ValidationException.field(path, "A list of at most " + MAX_LIMIT + " field names is required.");
            }
            for (int i = 0; i < list.size(); i++) {
                JsonNode name = list.get(i);
                if (!name.isTextual() || !FIELD_NAME.matcher(name.asText()).matches()) {
                    throw ValidationException.field(path + "." + i, "Not a field name.");
                }
                if (entry.getKey().equals(objectType)) {
                    names.add(name.asText());
                }
            }
        }
        return names.isEmpty() ? List.of("id") : names;
    }

    private static List<SortItem> sort(JsonNode json, String objectType) {
        if (json == null || json.isNull()) {
            return List.of();
        }
        if (!json.isArray() || json.size() > 5) {
            throw ValidationException.field("sort", "A list of at most 5 sort items is required.");
        }
        List<SortItem> items = new ArrayList<>();
        for (int i = 0; i < json.size(); i++) {
            String path = "sort." + i;
            JsonNode item = json.get(i);
            JsonNode field = item.path("field");
            String direction = item.path("direction").asText("asc");
            if (!direction.equals("asc") && !direction.equals("desc")) {
                throw ValidationException.field(path + ".direction", "Use asc or desc.");
            }
            if (!field.path("type").asText().equals("regular_field") || !field.path("field_name").isTextual()
                    || !FIELD_NAME.matcher(field.path("field_name").asText()).matches()) {
                throw ValidationException.field(path + ".field", "A regular_field with a field_name is required.");
            }
            if (!field.path("object_type").asText().equals(objectType)) {
                throw ValidationException.field(path + ".field.object_type", "Must be the searched object type \""
                        + objectType + "\".");
            }
            items.add(new SortItem(field.path("field_name").asText(), direction.equals("desc"), path));
        }
        return items;
    }

    private static long integer(JsonNode body, String key, long fallback, long min, long max) {
        JsonNode value = body.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < min || value.asLong() > max) {
            throw ValidationException.field(key, "A whole number from " + min + (max == Long.MAX_VALUE ? " on"
                    : " to " + max) + " is required.");
        }
        return value.asLong();
    }
}
