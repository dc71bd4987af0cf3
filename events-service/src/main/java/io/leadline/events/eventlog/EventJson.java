package io.leadline.events.eventlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.wire.FieldSelection;

/**
 * Wire form of the event log. An event is served as its producer wrote it; the only shaping is {@code _fields} and
 * the privacy rule, applied by the caller of {@link #event}.
 */
final class EventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventJson() {
    }

    static ObjectNode event(String storedPayload) {
        try {
            JsonNode node = MAPPER.readTree(storedPayload);
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            // the column is jsonb holding what ConsumedEvent accepted as an object; reaching here is a bug
            throw new IllegalStateException("Stored event is not a JSON object", e);
        }
    }

    /** {@code {"data": [...], "cursor_next": …, "cursor_previous": …}} — the event log's own envelope, not has_more. */
    static ObjectNode page(EventPage page, FieldSelection fields) {
        ObjectNode body = MAPPER.createObjectNode();
        ArrayNode data = body.putArray("data");
        page.events().forEach(event -> data.add(fields.apply(event)));
        body.put("cursor_next", page.cursorNext());
        body.put("cursor_previous", page.cursorPrevious());
        return body;
    }
}
