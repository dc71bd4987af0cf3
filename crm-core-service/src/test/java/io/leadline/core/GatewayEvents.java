package io.leadline.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.id.Ids;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The gateway's events as crm-core receives them: its contract fixtures (event-contracts artifact), re-homed. */
public final class GatewayEvents {

    /** The channel crm-core reads {@code gateway.events} on. */
    public static final String CHANNEL = "gateway-events-in";

    private static final ObjectMapper JSON = new ObjectMapper();

    private GatewayEvents() {
    }

    /** The gateway's fixture of {@code type}: a fresh event id, about {@code organizationId}. */
    public static ObjectNode event(String type, String organizationId) {
        try (InputStream in = GatewayEvents.class.getResourceAsStream("/events/" + type + ".json")) {
            if (in == null) {
                throw new IllegalStateException("the gateway's event-contracts artifact has no fixture for " + type);
            }
            ObjectNode event = (ObjectNode) JSON.readTree(in);
            event.put("id", Ids.shortId("ev"));
            event.put("organization_id", organizationId);
            if ("organization".equals(event.get("object_type").asText())) {
                event.put("object_id", organizationId);
                ((ObjectNode) event.get("data")).put("id", organizationId);
            } else {
                ((ObjectNode) event.get("data")).put("organization_id", organizationId);
            }
            return event;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends each record as a poll of its own (the channel takes whole polls, platform EventConsumers). */
    public static void send(InMemoryConnector connector, String record) {
        InMemorySource<List<String>> source = connector.<List<String>>source(CHANNEL).runOnVertxContext(true);
        source.send(List.of(record));
    }
}
