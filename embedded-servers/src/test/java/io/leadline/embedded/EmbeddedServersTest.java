package io.leadline.embedded;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedServersTest {

    @Test
    void postgresCreatesDatabasesAndAnswersQueries() throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(0)) {
            postgres.createDatabase("probe_db");
            postgres.createDatabase("probe_db");
            try (Connection connection = postgres.connect("probe_db");
                 ResultSet result = connection.createStatement().executeQuery("select 1")) {
                assertTrue(result.next());
                assertEquals(1, result.getInt(1));
            }
            assertEquals("postgresql://127.0.0.1:" + postgres.port() + "/probe_db", postgres.reactiveUrl("probe_db"));
        }
    }

    @Test
    void kafkaRoundTripsOneRecord() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0)) {
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(broker))) {
                producer.send(new ProducerRecord<>("probe.events", "key", "hello")).get();
            }
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(broker))) {
                consumer.subscribe(List.of("probe.events"));
                List<String> values = new ArrayList<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (values.isEmpty() && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                        values.add(record.value());
                    }
                }
                assertEquals(List.of("hello"), values);
            }
        }
    }

    private static Map<String, Object> producerConfig(EmbeddedKafkaBroker broker) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    }

    private static Map<String, Object> consumerConfig(EmbeddedKafkaBroker broker) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    }
}
