package io.leadline.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "leadline.outbox")
public interface OutboxConfig {

    String ENABLED = "leadline.outbox.enabled";

    /**
     * Read at build time: false in a service that publishes no events, which then has no relay and no Kafka producer.
     * Unlike {@link #relayEnabled()}, which switches the relay off in one replica of a publishing service.
     */
    @WithDefault("true")
    boolean enabled();

    /** The topic this service publishes to, e.g. {@code crm-core.events}. */
    @WithDefault("${quarkus.application.name}.events")
    String topic();

    /** The CloudEvents source, the service's name. */
    @WithDefault("${quarkus.application.name}")
    String source();

    /** Whether this replica relays; every replica may, they never send the same row twice at once. */
    @WithDefault("true")
    boolean relayEnabled();

    @WithDefault("200")
    int batchSize();

    /** A safety net only: commits notify the relay at once through PostgreSQL LISTEN/NOTIFY. */
    @WithDefault("2s")
    Duration pollInterval();

    /** How long sent rows stay for inspection before they are deleted (parked rows stay until an operator acts). */
    @WithDefault("1h")
    Duration retention();
}
