package io.leadline.comments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the outbox relay sent to the in-memory {@code domain-events} channel, picked out by request id. */
public final class RelayedEvents {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration RELAY_TIMEOUT = Duration.ofSeconds(15);

    private RelayedEvents() {
    }

    /** A request id to send as X-Request-Id, so a test can pick out exactly its own events. */
    public static String newRequestId() {
        return "req_" + UUID.randomUUID().toString().replace("-", "").substring(0, 22);
    }

    /** The events of one request in the order they were relayed, waiting for the relay (it runs after commit). */
    public static List<JsonNode> ofRequest(InMemoryConnector connector, String requestId, int expected) {
        List<JsonNode> events = await("events of " + requestId).atMost(RELAY_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> matching(connector, event -> requestId.equals(event.path("request_id").asText())),
                        relayed -> relayed.size() >= expected);
        assertEquals(expected, events.size(), "events of " + requestId);
        return events;
    }

    /**
     * The events of a request relayed so far, without waiting: for a request that should have written none, asked
     * once a later request's events arrived (the relay sends in the order events were written).
     */
    public static List<JsonNode> ofRequestNow(InMemoryConnector connector, String requestId) {
        return matching(connector, event -> requestId.equals(event.path("request_id").asText()));
    }

    /** The events about one object, waiting until {@code expected} of them arrived. */
    public static List<JsonNode> ofObject(InMemoryConnector connector, String objectId, int expected) {
        List<JsonNode> events = await("events of " + objectId).atMost(RELAY_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> matching(connector, event -> objectId.equals(event.path("object_id").asText())),
                        relayed -> relayed.size() >= expected);
        assertEquals(expected, events.size(), "events of " + objectId);
        return events;
    }

    /** An organization's events of one type, waiting until {@code expected} of them arrived. */
    public static List<JsonNode> ofObjectType(InMemoryConnector connector, String organizationId, String objectType,
                                              String action, int expected) {
        List<JsonNode> events = await(objectType + "." + action).atMost(RELAY_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> matching(connector, event -> organizationId.equals(event.path("organization_id").asText())
                                && objectType.equals(event.path("object_type").asText())
                                && action.equals(event.path("action").asText())),
                        relayed -> relayed.size() >= expected);
        assertEquals(expected, events.size(), objectType + "." + action);
        return events;
    }

    private static List<JsonNode> matching(InMemoryConnector connector, java.util.function.Predicate<JsonNode> wanted) {
        return connector.sink("domain-events").received().stream()
                .map(Message::getPayload)
                .map(payload -> readTree(String.valueOf(payload)))
                .filter(wanted)
                .toList();
    }

    private static JsonNode readTree(String payload) {
        try {
            return MAPPER.readTree(payload);
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + payload, e);
        }
    }
}
