package io.leadline.activities.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.platform.events.ConsumedEvent;
import io.leadline.platform.security.Caller;

/**
 * The caller behind another service's event: whoever made that change is whoever made the activities it implies,
 * and the activities' events carry its request id, so {@code /event/?request_id=} shows them together.
 */
public final class EventCallers {

    private EventCallers() {
    }

    /** @param userNameField the field of the event's data naming the user (e.g. {@code updated_by_name}) */
    public static Caller of(ConsumedEvent event, String userNameField) {
        JsonNode json = event.json();
        JsonNode data = event.data() == null ? json.path("previous_data") : event.data();
        return new Caller(event.organizationId(), text(json, "user_id"), text(data, userNameField),
                text(json, "api_key_id"), null, text(json, "request_id"), text(json.path("meta"), "request_method"),
                text(json.path("meta"), "request_path"), 0);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }
}
