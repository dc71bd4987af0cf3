package io.leadline.comments.commented;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.comments.OwnerEvents;
import io.leadline.comments.TestOrganizations;
import io.leadline.platform.id.Ids;
import io.leadline.platform.testing.KafkaTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The projection and the cascade through the real broker: crm-core's events on {@code crm-core.events} make an
 * object commentable (its owner is never asked: the stub knows nothing of it), a record that is no event goes to the
 * dead letters without stopping the channel, and the object's deletion puts the thread's deletion on
 * {@code comments.events}.
 */
@QuarkusTest
@TestProfile(CommentsOnKafkaProfile.class)
class ObjectsKafkaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    Pool pool;

    @Test
    void crmCoreEventsMakeObjectsCommentableAndTheirDeletionDeletesTheThread() throws Exception {
        TestOrganizations org = TestOrganizations.create();
        String leadId = Ids.longId("lead");
        String opportunityId = Ids.longId("oppo");
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>("crm-core.events", leadId, "{not an event")).get();
            publish(producer, OwnerEvents.event("lead.created", org, leadId, leadId));
            publish(producer, OwnerEvents.event("opportunity.created", org, opportunityId, leadId));
            await("the opportunity is known").atMost(PATIENCE).until(() -> known(opportunityId));

            String commentId = org.request().body("{\"object_id\": \"" + opportunityId + "\", \"body\": \"<p>hi</p>\"}")
                    .post("/api/v1/comment/").then().statusCode(201).extract().path("id");
            String threadId = org.request().get("/api/v1/comment/" + commentId + "/").then().extract().path("thread_id");

            publish(producer, OwnerEvents.event("opportunity.deleted", org, opportunityId, leadId));
            List<String> published = eventsOn("comments.events", threadId, 2);
            assertEquals(List.of("comment_thread.created", "comment_thread.deleted"), published);
        }
        org.request().get("/api/v1/comment/?object_id=" + opportunityId).then().statusCode(200)
                .body("data.size()", equalTo(0));
    }

    @Test
    void aPollAppliesEachGoodEventOnceAndDeadLettersOnlyThePoisonedOne() throws Exception {
        TestOrganizations org = TestOrganizations.create();
        String leadId = Ids.longId("lead");
        List<String> opportunities = new ArrayList<>();
        List<ObjectNode> burst = new ArrayList<>();
        burst.add(OwnerEvents.event("lead.created", org, leadId, leadId));
        for (int i = 0; i < 20; i++) {
            String opportunityId = Ids.longId("oppo");
            opportunities.add(opportunityId);
            burst.add(OwnerEvents.event("opportunity.created", org, opportunityId, leadId));
        }
        burst.add(10, burst.get(3).deepCopy()); // Kafka delivers at least once: the same event again, in one poll
        // PostgreSQL's text refuses a NUL character: this event fails the same way however often it is tried
        ObjectNode poison = OwnerEvents.event("opportunity.created", org, "oppo_nul\u0000" + Ids.longId("x"), leadId);
        burst.add(7, poison);
        try (KafkaProducer<String, String> producer = producer()) {
            for (ObjectNode event : burst) { // one key: one partition, in this order
                producer.send(new ProducerRecord<>("crm-core.events", leadId, event.toString()));
            }
            producer.flush();
        }

        String deadLetter = awaitRecord("crm-core.events.dlq", poison.get("id").asText());
        assertEquals(true, deadLetter.contains("oppo_nul"));
        await("every good event applied").atMost(PATIENCE).until(() -> opportunities.stream().allMatch(this::known));
        assertEquals(21, count("select count(*) from processed_event where organization_id = $1", org.organizationId()));
        assertEquals(21, count("select count(*) from commented_object where organization_id = $1", org.organizationId()));
    }

    private long count(String sql, String organizationId) {
        return pool.preparedQuery(sql).execute(Tuple.of(organizationId))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    /** The value of the first record on {@code topic} that contains {@code marker}. */
    private static String awaitRecord(String topic, String marker) {
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerSettings())) {
            consumer.subscribe(List.of(topic));
            await("a record with " + marker + " on " + topic).atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.value().contains(marker)) {
                        found.add(record.value());
                    }
                });
                return !found.isEmpty();
            });
        }
        return found.get(0);
    }

    private boolean known(String objectId) {
        return pool.preparedQuery("select count(*) from commented_object where id = $1").execute(Tuple.of(objectId))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0) == 1;
    }

    private static void publish(KafkaProducer<String, String> producer, ObjectNode event) throws Exception {
        producer.send(new ProducerRecord<>("crm-core.events", event.get("lead_id").asText(), event.toString())).get();
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    /** The types of the events about {@code objectId} on {@code topic}, once {@code expected} of them arrived. */
    private static List<String> eventsOn(String topic, String objectId, int expected) {
        List<String> types = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerSettings())) {
            consumer.subscribe(List.of(topic));
            await("events of " + objectId + " on " + topic).atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    JsonNode event = read(record.value());
                    if (objectId.equals(event.path("object_id").asText())) {
                        types.add(event.path("object_type").asText() + "." + event.path("action").asText());
                    }
                });
                return types.size() >= expected;
            });
        }
        return types;
    }

    private static Map<String, Object> consumerSettings() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "comments-kafka-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    }

    private static JsonNode read(String value) {
        try {
            return JSON.readTree(value);
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }
}
