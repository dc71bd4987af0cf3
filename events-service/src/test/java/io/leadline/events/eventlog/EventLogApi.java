package io.leadline.events.eventlog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.testing.InternalTokens;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Feeds events the way Kafka would and reads them back through the API, as one organization's user. */
final class EventLogApi {

    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(20);

    private final String organizationId;
    private final String token;

    EventLogApi(String organizationId, String role) {
        this.organizationId = organizationId;
        this.token = InternalTokens.mint(organizationId, "user_tester", null, role);
    }

    static EventLogApi admin(String organizationId) {
        return new EventLogApi(organizationId, "admin");
    }

    String organizationId() {
        return organizationId;
    }

    Response list(Map<String, ?> params) {
        return given().header("Authorization", "Bearer " + token).queryParams(params).get("/api/v1/event/");
    }

    Response get(String id) {
        return given().header("Authorization", "Bearer " + token).get("/api/v1/event/" + id + "/");
    }

    /** Sends raw records, as a producer could, without waiting for them. */
    void deliver(InMemoryConnector connector, String... records) {
        for (String record : records) {
            connector.source(DomainEventConsumer.CHANNEL).send(record);
        }
    }

    /** Sends the events in order and returns once the last is readable (the channel stores in order). */
    void deliver(InMemoryConnector connector, ObjectNode... events) {
        for (ObjectNode event : events) {
            deliver(connector, event.toString());
        }
        awaitStored(events[events.length - 1].get("id").asText());
    }

    void awaitStored(String eventId) {
        long deadline = System.nanoTime() + STORE_TIMEOUT.toNanos();
        while (get(eventId).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("event " + eventId + " was not stored within " + STORE_TIMEOUT);
            }
            sleep(20);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
