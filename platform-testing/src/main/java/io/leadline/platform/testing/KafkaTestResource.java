package io.leadline.platform.testing;

import io.leadline.embedded.EmbeddedKafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** One in-process Kafka broker per JVM, shared by every test class; topics are the isolation unit, not brokers. */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    // JVM-wide rather than a static field: Quarkus may load this class in several class loaders
    private static final String BOOTSTRAP_PROPERTY = "leadline.testing.kafka-bootstrap";

    /** Bootstrap servers of the shared broker, started on first use. */
    public static String bootstrapServers() {
        synchronized (System.getProperties()) {
            String bootstrap = System.getProperty(BOOTSTRAP_PROPERTY);
            if (bootstrap == null) {
                EmbeddedKafkaBroker started = EmbeddedKafkaBroker.start(0);
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "embedded-kafka-stop"));
                bootstrap = started.bootstrapServers();
                System.setProperty(BOOTSTRAP_PROPERTY, bootstrap);
            }
            return bootstrap;
        }
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // the broker outlives the test class: the next class would otherwise pay its start again
    }
}
