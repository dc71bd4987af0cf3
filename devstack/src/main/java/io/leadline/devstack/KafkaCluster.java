package io.leadline.devstack;

import io.leadline.embedded.EmbeddedKafkaBroker;

/** The Kafka the services share: the in-process broker, or external via KAFKA_BOOTSTRAP_SERVERS. */
final class KafkaCluster implements AutoCloseable {

    private final String bootstrapServers;
    private final EmbeddedKafkaBroker owned;

    private KafkaCluster(String bootstrapServers, EmbeddedKafkaBroker owned) {
        this.bootstrapServers = bootstrapServers;
        this.owned = owned;
    }

    /** A fixed broker port gets the next port as controller, so ./run's ports stay predictable. */
    static KafkaCluster embedded(int port) {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(port, port == 0 ? 0 : port + 1);
        return new KafkaCluster(broker.bootstrapServers(), broker);
    }

    static KafkaCluster external(String bootstrapServers) {
        return new KafkaCluster(bootstrapServers, null);
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** For outage tests: only an embedded broker can be taken down and brought back. */
    EmbeddedKafkaBroker embeddedBroker() {
        if (owned == null) {
            throw new IllegalStateException("Kafka is external (KAFKA_BOOTSTRAP_SERVERS); it cannot be stopped from here");
        }
        return owned;
    }

    @Override
    public void close() {
        if (owned != null) {
            owned.close();
        }
    }
}
