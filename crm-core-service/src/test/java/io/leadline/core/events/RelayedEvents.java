package io.leadline.core.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reads what the outbox relay sent to the in-memory {@code domain-events} channel, one request at a time. */
final class RelayedEvents {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration RELAY_TIMEOUT = Duration.ofSeconds(15);

    private RelayedEvents() {
    }

    /** A request id to send as X-Request-Id, so a test can pick out exactly its own events. */
    static String newRequestId() {
        return "req_" + UUID.randomUUID().toString().replace("-", "").substring(0, 22);
    }

    /**
     * The events of one request in the order they were relayed, waiting for the relay (it runs after commit).
     * Waiting for zero events would return at once and prove nothing; use {@link #assertNoneBefore} for that.
     */
    static List<JsonNode> ofRequest(InMemoryConnector connector, String requestId, int expected) {
        if (expected < 1) {
            throw new IllegalArgumentException("waiting for no events proves nothing; use assertNoneBefore");
        }
        List<JsonNode> events = await("events of " + requestId).atMost(RELAY_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> relayedFor(connector, requestId), relayed -> relayed.size() >= expected);
        assertEquals(expected, events.size(), "events of " + requestId);
        return events;
    }

    /**
     * Asserts that {@code requestId} wrote no event. A request's events are committed before it answers and the
     * relay sends events in the order they were written, so once an event of {@code laterRequestId} (sent after
     * {@code requestId} answered) has arrived, anything {@code requestId} had written would have arrived too.
     */
    static void assertNoneBefore(InMemoryConnector connector, String requestId, String laterRequestId) {
        await("events of " + laterRequestId).atMost(RELAY_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> !relayedFor(connector, laterRequestId).isEmpty());
        assertEquals(List.of(), relayedFor(connector, requestId), "events of " + requestId);
    }

    /** Every event relayed so far, oldest first. */
    private static List<JsonNode> all(InMemoryConnector connector) {
        return connector.sink("domain-events").received().stream()
                .map(Message::getPayload)
                .map(payload -> readTree(String.valueOf(payload)))
                .toList();
    }

    private static List<JsonNode> relayedFor(InMemoryConnector connector, String requestId) {
        return all(connector).stream().filter(event -> requestId.equals(event.path("request_id").asText())).toList();
    }

    private static JsonNode readTree(String payload) {
        try {
            return MAPPER.readTree(payload);
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + payload, e);
        }
    }
}
