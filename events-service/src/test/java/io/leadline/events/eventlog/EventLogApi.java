package io.leadline.events.eventlog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.testing.InternalTokens;
import io.leadline.platform.testing.KafkaTestResource;
import io.restassured.response.Response;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Publishes events to the embedded Kafka broker as crm-core would and reads them back through the API. */
final class EventLogApi {

    static final String TOPIC = "crm-core.events";
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(60);
    private static KafkaProducer<String, String> producer;

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

    /** Publishes raw records to {@code topic}, as a producer could, without waiting for them to be stored. */
    static void publish(String topic, String key, String... records) {
        for (String record : records) {
            try {
                producer().send(new ProducerRecord<>(topic, key, record)).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            } catch (ExecutionException e) {
                throw new AssertionError("Kafka refused a test record", e);
            }
        }
    }

    /** Publishes raw records to crm-core's topic without waiting for them. */
    void deliver(String... records) {
        publish(TOPIC, "lead_raw", records);
    }

    /** Publishes the events (keyed by lead, as crm-core does) and returns once every one of them is readable. */
    void deliver(ObjectNode... events) {
        for (ObjectNode event : events) {
            publish(TOPIC, event.path("lead_id").asText("none"), event.toString());
        }
        for (ObjectNode event : events) {
            awaitStored(event.get("id").asText());
        }
    }

    void awaitStored(String eventId) {
        await().atMost(STORE_TIMEOUT).until(() -> get(eventId).statusCode() == 200);
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
            properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(properties);
            Runtime.getRuntime().addShutdownHook(new Thread(producer::close, "test-producer-close"));
        }
        return producer;
    }
}
