package io.leadline.platform.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How hard a consumer tries before a record goes to its dead-letter topic. */
@ConfigMapping(prefix = "leadline.events.consumer")
public interface EventConsumerConfig {

    /** Attempts per poll (and per event, once a poll failed) for failures that may pass, such as a database restart. */
    @WithDefault("5")
    int attempts();

    /** The first wait between attempts; it doubles (with jitter) up to {@link #maxBackOff()}. */
    @WithDefault("200ms")
    Duration initialBackOff();

    @WithDefault("5s")
    Duration maxBackOff();
}
