package io.leadline.events.eventlog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The event log fed by a real (embedded) Kafka broker, the way crm-core-service publishes to it. */
@QuarkusTest
@TestProfile(RealKafkaProfile.class)
class EventLogKafkaTest {

    private static final Logger LOG = Logger.getLogger(EventLogKafkaTest.class);
    private static final String TOPIC = "crm-core.events";

    // set by the profile's KafkaTestResource
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void storesEventsPublishedToAProducerTopicAndDeadLettersWhatIsNotAnEvent() throws Exception {
        EventLogApi api = EventLogApi.admin(EventFixtures.newOrganization());
        ObjectNode first = EventFixtures.leadCreated(api.organizationId(), Instant.now().truncatedTo(ChronoUnit.MICROS));
        ObjectNode second = EventFixtures.leadCreated(api.organizationId(), Instant.now().plusMillis(1).truncatedTo(ChronoUnit.MICROS));

        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(TOPIC, "lead_x", "{not an event")).get();
            // the first record also waits for the consumer group to form
            long firstMillis = produceAndAwait(producer, api, first);
            // the later ones show the steady-state latency
            long secondMillis = produceAndAwait(producer, api, second);
            List<Long> steady = new java.util.ArrayList<>(List.of(secondMillis));
            for (int i = 0; i < 4; i++) {
                steady.add(produceAndAwait(producer, api, EventFixtures.with(
                        EventFixtures.leadCreated(api.organizationId(), Instant.now()), "lead_id", "lead_other" + i)));
            }
            LOG.infof("produce-to-visible: first %d ms (includes group join), then %s ms", firstMillis, steady);
        }

        api.list(Map.of("lead_id", first.get("lead_id").asText())).then().statusCode(200)
                .body("data.id", equalTo(List.of(second.get("id").asText(), first.get("id").asText())));
        assertEquals("{not an event", readOne(TOPIC + ".dlq"));
    }

    private static long produceAndAwait(KafkaProducer<String, String> producer, EventLogApi api, ObjectNode event)
            throws Exception {
        long start = System.nanoTime();
        producer.send(new ProducerRecord<>(TOPIC, event.get("lead_id").asText(), event.toString())).get();
        api.awaitStored(event.get("id").asText());
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    private KafkaProducer<String, String> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(properties);
    }

    private String readOne(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "events-service-test-dlq-reader");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    return record.value();
                }
            }
        }
        throw new AssertionError("nothing arrived on " + topic);
    }
}
