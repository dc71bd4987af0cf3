package io.leadline.events.eventlog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "leadline.event-log")
public interface EventLogConfig {

    /** How long events stay in the log. */
    @WithDefault("P30D")
    Duration retention();
}
