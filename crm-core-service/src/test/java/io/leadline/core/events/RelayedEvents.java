package io.leadline.core.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reads what the outbox relay sent to the in-memory {@code domain-events} channel, one request at a time. */
final class RelayedEvents {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RelayedEvents() {
    }

    /** A request id to send as X-Request-Id, so a test can pick out exactly its own events. */
    static String newRequestId() {
        return "req_" + UUID.randomUUID().toString().replace("-", "").substring(0, 22);
    }

    /** The events of one request in the order they were relayed, waiting for the relay (it runs after commit). */
    static List<JsonNode> ofRequest(InMemoryConnector connector, String requestId, int expected) {
        long deadline = System.currentTimeMillis() + 15_000;
        while (true) {
            List<JsonNode> events = all(connector).stream()
                    .filter(event -> requestId.equals(event.path("request_id").asText()))
                    .toList();
            if (events.size() >= expected || System.currentTimeMillis() > deadline) {
                assertEquals(expected, events.size(), "events of " + requestId);
                return events;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Every event relayed so far, oldest first. */
    static List<JsonNode> all(InMemoryConnector connector) {
        return connector.sink("domain-events").received().stream()
                .map(Message::getPayload)
                .map(payload -> readTree(String.valueOf(payload)))
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
