package io.leadline.activities.outbox;

import io.leadline.platform.testing.KafkaTestResource;
import io.leadline.platform.testing.Management;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One event Kafka can never take must not stop the event log: the relay parks it with its reason and counts it,
 * the events after it (of the same lead too, in their order) reach the topic, and operators can see the parked row.
 * Before, the relay failed the oldest batch as a whole and retried it forever, so nothing after the big event was
 * ever marked sent.
 */
@QuarkusTest
@TestProfile(RelayToKafkaProfile.class)
class OutboxRelayKafkaTest {

    /** Over the producer's max.request.size of 1 MiB even after lz4 (random text does not compress below it). */
    private static final int OVERSIZED_PAYLOAD_BYTES = 1_600_000;

    @Inject
    Pool pool;

    @Inject
    MeterRegistry registry;

    @Test
    void anEventKafkaRefusesIsParkedAndTheOthersFlow() {
        double parkedBefore = parkedCount();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String leadA = "lead_a" + run;
        String leadB = "lead_b" + run;
        String first = "ev_first" + run;
        String oversized = "ev_big" + run;
        String after = "ev_after" + run;
        String otherLead = "ev_other" + run;

        // one transaction, as a write that records several events
        pool.withTransaction(connection -> insert(connection, first, leadA, event(first, "x"))
                        .chain(() -> insert(connection, oversized, leadA, event(oversized, randomText())))
                        .chain(() -> insert(connection, after, leadA, event(after, "y")))
                        .chain(() -> insert(connection, otherLead, leadB, event(otherLead, "z"))))
                .await().atMost(Duration.ofSeconds(30));

        List<ConsumerRecord<String, String>> relayed = consumeUntil(List.of(first, after, otherLead));
        List<String> leadAIds = relayed.stream().filter(r -> leadA.equals(r.key())).map(OutboxRelayKafkaTest::eventId)
                .distinct().toList();
        assertEquals(List.of(first, after), leadAIds, "lead A's events in their order, without the parked one");

        await("rows recorded").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertTrue(row(first).getOffsetDateTime("sent_at") != null, "first is marked sent");
            assertTrue(row(after).getOffsetDateTime("sent_at") != null, "the event after the big one is marked sent");
            assertTrue(row(otherLead).getOffsetDateTime("sent_at") != null, "another lead's event is marked sent");
            Row big = row(oversized);
            assertTrue(big.getOffsetDateTime("parked_at") != null, "the oversized event is parked");
            assertTrue(big.getOffsetDateTime("sent_at") == null, "the oversized event is not sent");
            assertTrue(big.getString("park_reason").startsWith("RecordTooLargeException"), big.getString("park_reason"));
        });
        assertEquals(1.0, parkedCount() - parkedBefore, "leadline_outbox_parked_total counts the parked row once");
        await("parked rows gauge").atMost(Duration.ofSeconds(30))
                .until(() -> registry.get("leadline.outbox.parked.rows").gauge().value() >= 1);

        given().get("/q/outbox/parked").then().statusCode(404); // never on the service's API port
        Management.request().get("/q/outbox/parked").then().statusCode(200)
                .body("data.event_id", hasItem(oversized))
                .body("data.event_id", not(hasItem(first)))
                .body("data.find { it.event_id == '" + oversized + "' }.park_reason",
                        containsString("max.request.size"))
                .body("data.find { it.event_id == '" + oversized + "' }.record_key", org.hamcrest.Matchers.equalTo(leadA));
    }

    private double parkedCount() {
        return registry.find("leadline.outbox.parked").counters().stream().mapToDouble(Counter::count).sum();
    }

    private static io.smallrye.mutiny.Uni<Void> insert(io.vertx.mutiny.sqlclient.SqlConnection connection,
                                                        String eventId, String key, String payload) {
        return connection.preparedQuery("insert into outbox_event (event_id, organization_id, topic, record_key,"
                        + " event_type, payload, created_at) values ($1, 'orga_relaytest', $2, $3, 'activity.created', $4, $5)")
                .execute(Tuple.of(eventId, RelayToKafkaProfile.TOPIC, key, payload, OffsetDateTime.now()))
                .replaceWithVoid();
    }

    private static String event(String id, String note) {
        return "{\"id\": \"" + id + "\", \"object_type\": \"activity\", \"action\": \"created\", \"data\": {\"note\": \""
                + note + "\"}}";
    }

    private static String randomText() {
        byte[] bytes = new byte[OVERSIZED_PAYLOAD_BYTES * 3 / 4];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private Row row(String eventId) {
        return pool.preparedQuery("select sent_at, parked_at, park_reason from outbox_event where event_id = $1")
                .execute(Tuple.of(eventId)).await().atMost(Duration.ofSeconds(10)).iterator().next();
    }

    private static String eventId(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("ce_id").value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Reads the test topic from the start until every expected event id arrived. */
    private static List<ConsumerRecord<String, String>> consumeUntil(List<String> eventIds) {
        Map<String, Object> settings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "relay-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
            consumer.subscribe(List.of(RelayToKafkaProfile.TOPIC));
            await("events on " + RelayToKafkaProfile.TOPIC).atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                List<String> seen = received.stream().map(OutboxRelayKafkaTest::eventId).toList();
                return seen.containsAll(eventIds);
            });
        }
        return received;
    }
}
