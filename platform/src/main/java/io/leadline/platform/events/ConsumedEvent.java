package io.leadline.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The envelope of an event read from a {@code *.events} topic: the fields every consumer routes on, plus the whole
 * event for the handler's own event classes.
 */
public record ConsumedEvent(String id, String objectType, String action, String objectId, String organizationId,
                            String leadId, ObjectNode json) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static ConsumedEvent parse(String payload) {
        try {
            JsonNode node = MAPPER.readTree(payload);
            if (!(node instanceof ObjectNode object) || !object.hasNonNull("id") || !object.hasNonNull("organization_id")) {
                throw new IllegalArgumentException("Not an event: " + abbreviate(payload));
            }
            return new ConsumedEvent(text(object, "id"), text(object, "object_type"), text(object, "action"),
                    text(object, "object_id"), text(object, "organization_id"), text(object, "lead_id"), object);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + abbreviate(payload), e);
        }
    }

    /** {@code object_type.action}, the CloudEvents type. */
    public String type() {
        return objectType + "." + action;
    }

    public JsonNode data() {
        return json.get("data");
    }

    private static String text(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String abbreviate(String payload) {
        return payload == null || payload.length() < 200 ? payload : payload.substring(0, 200) + "…";
    }
}
