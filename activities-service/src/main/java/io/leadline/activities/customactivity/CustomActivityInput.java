package io.leadline.activities.customactivity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.activities.activity.ActivityBaseInput;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.RequestBody;

import java.util.List;

/**
 * A custom activity body: {@code custom_activity_type_id} (create only; a type can't change), {@code status}
 * ({@code draft} default, or {@code published}) and {@code custom.cf_…} values, which the service checks against the
 * type's fields (their definitions are in the database).
 */
final class CustomActivityInput {

    static final String PREFIX = "custom.";

    final ActivityBaseInput base;
    final String typeId;
    final String status;
    /** The body's {@code custom.*} keys without the prefix; a JSON null clears a value. */
    final ObjectNode values = JsonNodeFactory.instance.objectNode();

    private CustomActivityInput(ActivityBaseInput base, boolean create) {
        this.base = base;
        RequestBody body = base.body;
        this.typeId = create ? body.requiredNonBlank("custom_activity_type_id", RequestBody.NAME_LENGTH) : null;
        if (!create && body.has("custom_activity_type_id")) {
            body.fail("custom_activity_type_id", "A custom activity's type can't be changed.");
        }
        this.status = body.choice("status", List.of(CustomActivity.DRAFT, CustomActivity.PUBLISHED));
        body.fields().forEachRemaining(entry -> {
            if (entry.getKey().startsWith(PREFIX)) {
                JsonNode value = body.value(entry.getKey(), RequestBody.MAX_LENGTH, RequestBody.MAX_ITEMS);
                if (value != null) {
                    values.set(entry.getKey().substring(PREFIX.length()), value);
                }
            }
        });
    }

    static CustomActivityInput forCreate(JsonNode json, Caller caller, String internalToken) {
        return new CustomActivityInput(ActivityBaseInput.forCreate(RequestBody.of(json), caller, internalToken), true);
    }

    static CustomActivityInput forUpdate(JsonNode json, Caller caller, String internalToken) {
        return new CustomActivityInput(ActivityBaseInput.forUpdate(RequestBody.of(json), caller, internalToken), false);
    }
}
