package io.leadline.activities;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadline.platform.testing.EventContracts;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the outbox relay sent to the in-memory {@code domain-events} channel (the {@code %test} connector). */
public final class RelayedEvents {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration RELAY_TIMEOUT = Duration.ofSeconds(15);

    private RelayedEvents() {
    }

    /** A request id to send as X-Request-Id, so a test can pick out exactly its own events. */
    public static String newRequestId() {
        return "req_" + UUID.randomUUID().toString().replace("-", "").substring(0, 22);
    }

    /** The events of one request in the order they were relayed, once {@code expected} of them arrived. */
    public static List<JsonNode> ofRequest(InMemoryConnector connector, String requestId, int expected) {
        return matching(connector, event -> requestId.equals(event.path("request_id").asText()), expected);
    }

    /** The relayed events that match, once {@code expected} of them arrived. */
    public static List<JsonNode> matching(InMemoryConnector connector, Predicate<JsonNode> filter, int expected) {
        List<JsonNode> events = await("relayed events").atMost(RELAY_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> all(connector).stream().filter(filter).toList(), relayed -> relayed.size() >= expected);
        assertEquals(expected, events.size());
        return events;
    }

    /** Asserts the event has the shape of its type's fixture (this service's src/test/resources/events/). */
    public static void assertMatchesContract(JsonNode event) {
        String type = event.get("object_type").asText() + "." + event.get("action").asText();
        JsonNode fixture = EventContracts.fixture(type);
        JsonNode checked = event;
        if (event.path("meta").has("merge_source_lead_id")) {
            // moved by a merge: meta also names the two leads, as Close's merge events do
            checked = event.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) checked.get("meta")).remove(
                    List.of("merge_source_lead_id", "merge_destination_lead_id"));
        }
        if ("updated".equals(event.get("action").asText())) {
            // previous_data holds exactly the changed fields, which differ per update: each must be one of data's
            List<String> changed = MAPPER.convertValue(event.get("changed_fields"), List.class);
            List<String> previous = new java.util.ArrayList<>();
            event.get("previous_data").fieldNames().forEachRemaining(previous::add);
            assertEquals(changed, previous, "previous_data holds the changed fields");
            changed.forEach(field -> org.junit.jupiter.api.Assertions.assertTrue(event.get("data").has(field), field));
            checked = checked.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) checked).set("previous_data", fixture.get("previous_data"));
            ((com.fasterxml.jackson.databind.node.ObjectNode) checked).set("changed_fields", fixture.get("changed_fields"));
        }
        assertEquals(List.of(), EventContracts.differences(fixture, checked), type);
    }

    private static List<JsonNode> all(InMemoryConnector connector) {
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
