package io.leadline.events.eventlog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "leadline.event-log")
public interface EventLogConfig {

    /** How long events stay in the log. */
    @WithDefault("P30D")
    Duration retention();

    /**
     * Updates of one object by one user within this time of the first (or by one request) are consolidated into one
     * event, and webhook deliveries of updates and deletions wait this long, so they carry the consolidated event.
     * Zero turns consolidation off.
     */
    @WithDefault("5s")
    Duration consolidationWindow();
}
