package io.leadline.core.custom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.leadline.platform.wire.RequestBody;

import java.util.ArrayList;
import java.util.List;

/** A schema PUT: {@code {"fields": [{"id": "cf_…"}, …]}}, the ids in their new order. */
final class CustomFieldSchemaInput {

    static final String FIELDS = "fields";
    static final int MAX_FIELDS = 1_000;

    final RequestBody body;
    final List<String> ids = new ArrayList<>();

    private CustomFieldSchemaInput(RequestBody body) {
        this.body = body;
        ArrayNode array = body.array(FIELDS, MAX_FIELDS);
        if (array == null) {
            if (!body.errors().has(FIELDS)) {
                body.fail(FIELDS, RequestBody.REQUIRED);
            }
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            RequestBody item = body.nested(FIELDS, i, array.get(i));
            String id = item == null ? null : item.requiredString("id", RequestBody.ID_LENGTH);
            if (id == null) {
                continue;
            }
            if (ids.contains(id)) {
                item.fail("id", "Listed twice.");
            } else {
                ids.add(id);
            }
        }
    }

    static CustomFieldSchemaInput of(JsonNode json) {
        return new CustomFieldSchemaInput(RequestBody.of(json));
    }
}
