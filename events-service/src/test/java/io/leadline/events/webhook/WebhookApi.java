package io.leadline.events.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.events.eventlog.EventFixtures;
import io.leadline.platform.id.Ids;
import io.leadline.platform.testing.EventContracts;
import io.leadline.platform.testing.InternalTokens;
import io.leadline.platform.testing.KafkaTestResource;
import io.leadline.platform.wire.CloseDateTimes;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.Map;
import java.util.Properties;

import static io.restassured.RestAssured.given;

/** One caller of {@code /webhook/}, and events published to Kafka as crm-core publishes them. */
final class WebhookApi {

    private static KafkaProducer<String, String> producer;

    final String organizationId;
    final String userId;
    private final String token;

    WebhookApi(String organizationId, String userId, String role) {
        this.organizationId = organizationId;
        this.userId = userId;
        this.token = InternalTokens.mint(organizationId, userId, null, role);
    }

    static WebhookApi admin(String organizationId) {
        return new WebhookApi(organizationId, Ids.longId("user"), "admin");
    }

    static WebhookApi member(String organizationId) {
        return new WebhookApi(organizationId, Ids.longId("user"), "user");
    }

    static String newOrganization() {
        return Ids.longId("orga");
    }

    RequestSpecification request() {
        return given().header("Authorization", "Bearer " + token).contentType("application/json");
    }

    Response create(String body) {
        return request().body(body).post("/api/v1/webhook/");
    }

    /** Creates a subscription to {@code events} (JSON array text) at {@code url}; answers the create response. */
    Response subscribe(String url, String events) {
        return create("{\"url\": \"" + url + "\", \"events\": " + events + "}");
    }

    Response get(String id) {
        return request().get("/api/v1/webhook/" + id + "/");
    }

    Response list() {
        return request().get("/api/v1/webhook/");
    }

    Response update(String id, String body) {
        return request().body(body).put("/api/v1/webhook/" + id + "/");
    }

    Response delete(String id) {
        return request().delete("/api/v1/webhook/" + id + "/");
    }

    Response deliveries(String id) {
        return request().get("/api/v1/webhook/" + id + "/delivery/");
    }

    /** crm-core's lead.created contract, re-homed in this organization with a fresh id. */
    ObjectNode leadCreated(String displayName) {
        ObjectNode event = EventContracts.example("lead.created").deepCopy();
        Instant now = Instant.now();
        event.put("id", Ids.shortId("ev"));
        event.put("organization_id", organizationId);
        event.put("date_created", CloseDateTimes.format(now));
        event.put("date_updated", CloseDateTimes.format(now));
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("organization_id", organizationId);
        data.put("display_name", displayName);
        data.put("name", displayName);
        return event;
    }

    /** crm-core's lead.updated contract: {@code leadId}'s {@code field} changed from {@code before} at {@code at}. */
    ObjectNode leadUpdated(String leadId, Instant at, String field, String before, String name) {
        return EventFixtures.leadUpdated(organizationId, leadId, userId, at, name, Map.of(field, before));
    }

    static void publish(ObjectNode... events) {
        for (ObjectNode event : events) {
            try {
                producer().send(new ProducerRecord<>("crm-core.events", event.path("lead_id").asText("none"),
                        event.toString())).get();
            } catch (Exception e) {
                throw new AssertionError("Kafka refused a test record", e);
            }
        }
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
            properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(properties);
            Runtime.getRuntime().addShutdownHook(new Thread(producer::close, "webhook-test-producer-close"));
        }
        return producer;
    }
}
