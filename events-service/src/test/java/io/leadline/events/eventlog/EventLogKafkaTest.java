package io.leadline.events.eventlog;

import io.leadline.platform.testing.KafkaServiceTestProfile;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.testing.KafkaTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The event log fed through the real (embedded) broker: what reaches the dead-letter topics, and with what. */
@QuarkusTest
@TestProfile(KafkaServiceTestProfile.class)
class EventLogKafkaTest {

    private static final Duration DEAD_LETTERED = Duration.ofSeconds(60);

    @Test
    void deadLettersARecordThatIsNotAnEventToItsSourceTopicsDlqAndGoesOn() {
        EventLogApi api = EventLogApi.admin(EventFixtures.newOrganization());
        String notAnEvent = "{not an event " + UUID.randomUUID();
        ObjectNode after = EventFixtures.leadCreated(api.organizationId(), Instant.now().truncatedTo(ChronoUnit.MICROS));

        EventLogApi.publish("gateway.events", "orga_x", notAnEvent);
        api.deliver(after);

        ConsumerRecord<String, String> dead = awaitDeadLetter("gateway.events.dlq", notAnEvent);
        assertEquals("gateway.events", header(dead, "dead-letter-topic"));
        assertEquals(true, header(dead, "dead-letter-reason").startsWith("Not JSON"));
    }

    @Test
    void deadLettersARecordAsLargeAsTheTopicAllowsAndGoesOn() {
        // As large as a producer may send (1 MiB with its overhead): re-published with the dead-letter headers it is
        // larger than that, so the dead-letter producer must accept it, or the channel would stop on it.
        EventLogApi api = EventLogApi.admin(EventFixtures.newOrganization());
        String huge = "{not an event " + UUID.randomUUID() + " " + "x".repeat(1_048_400 - 60);
        ObjectNode after = EventFixtures.leadCreated(api.organizationId(), Instant.now().truncatedTo(ChronoUnit.MICROS));

        EventLogApi.publish("comments.events", "orga_huge", huge);
        api.deliver(after);

        ConsumerRecord<String, String> dead = awaitDeadLetter("comments.events.dlq", huge);
        assertEquals("comments.events", header(dead, "dead-letter-topic"));
    }

    @Test
    void storesTheRestOfAPollWhenOneEventCannotBeStoredAndDeadLettersOnlyThatOne() {
        EventLogApi api = EventLogApi.admin(EventFixtures.newOrganization());
        Instant base = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MICROS);
        List<ObjectNode> storable = new ArrayList<>();
        List<String> burst = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ObjectNode event = EventFixtures.leadCreated(api.organizationId(), base.plusMillis(i));
            storable.add(event);
            burst.add(event.toString());
        }
        ObjectNode unstorable = EventFixtures.leadCreated(api.organizationId(), base.plusSeconds(1));
        ((ObjectNode) unstorable.get("data")).put("name", "nul \u0000 byte"); // PostgreSQL jsonb refuses \u0000
        ObjectNode undated = EventFixtures.with(EventFixtures.leadCreated(api.organizationId(), base), "date_created", "soon");
        burst.add(15, unstorable.toString());
        burst.add(7, undated.toString());

        // one burst on one partition, so the consumer receives it in as few polls as the broker allows
        EventLogApi.publish("activities.events", "lead_batch", burst.toArray(String[]::new));
        storable.forEach(event -> api.awaitStored(event.get("id").asText()));

        api.list(Map.of("_limit", "50")).then().statusCode(200).body("data.size()", equalTo(storable.size()));
        api.get(unstorable.get("id").asText()).then().statusCode(404);
        api.get(undated.get("id").asText()).then().statusCode(404);
        awaitDeadLetter("activities.events.dlq", unstorable.toString());
        awaitDeadLetter("activities.events.dlq", undated.toString());
    }

    private static ConsumerRecord<String, String> awaitDeadLetter(String topic, String value) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            await().atMost(DEAD_LETTERED).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (value.equals(record.value())) {
                        found.add(record);
                    }
                }
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
