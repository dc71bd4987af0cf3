package io.leadline.gateway.membership;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.platform.wire.RequestBody;
import io.leadline.platform.wire.ValidationException;

import java.util.ArrayList;
import java.util.List;

/** The membership ids of a bulk update: {@code _params.id__in} (comma-joined or a list) or the query's {@code id__in}. */
final class BulkIds {

    static final String FIELD = "id__in";

    private BulkIds() {
    }

    static List<String> read(String query, JsonNode body) {
        JsonNode params = body == null ? null : body.get("_params");
        if (params != null && !params.isNull() && !params.isObject()) {
            throw ValidationException.field("_params", "Must be an object.");
        }
        JsonNode given = params == null || params.isNull() ? null : params.get(FIELD);
        List<String> ids = new ArrayList<>();
        if (given != null && given.isArray()) {
            given.forEach(id -> ids.add(id.isTextual() ? id.asText().strip() : ""));
        } else if (given != null && given.isTextual()) {
            ids.addAll(split(given.asText()));
        } else if (given != null && !given.isNull()) {
            throw ValidationException.field(FIELD, "Expected comma-separated membership ids.");
        } else if (query != null) {
            ids.addAll(split(query));
        }
        if (ids.isEmpty()) {
            throw ValidationException.field(FIELD, "Name the memberships to update in _params.id__in.");
        }
        if (ids.size() > RequestBody.MAX_ITEMS) {
            throw ValidationException.field(FIELD, "At most " + RequestBody.MAX_ITEMS + " memberships at once.");
        }
        if (ids.stream().anyMatch(id -> id.isEmpty() || id.length() > RequestBody.ID_LENGTH)) {
            throw ValidationException.field(FIELD, "Expected comma-separated membership ids.");
        }
        return ids;
    }

    private static List<String> split(String joined) {
        List<String> ids = new ArrayList<>();
        for (String id : joined.split(",", -1)) {
            ids.add(id.strip());
        }
        return ids;
    }
}
