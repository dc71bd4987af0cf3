package io.leadline.events.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "leadline.webhooks")
public interface WebhooksConfig {

    /** Subscriptions one organization may have (NOTES §8). */
    @WithDefault("40")
    int maxPerOrganization();

    /** Plain-http receiver URLs: only for development and tests; production receivers must use https. */
    @WithDefault("false")
    boolean allowHttp();

    /**
     * Networks (CIDR, e.g. {@code 127.0.0.0/8}, {@code ::1/128}) a receiver may resolve to although they are
     * private, loopback or link-local: for tests, the development stack and self-hosters with internal receivers.
     */
    Optional<List<String>> allowAddresses();

    /** Per attempt: connecting, sending and reading the answer together. */
    @WithDefault("10s")
    Duration timeout();

    /**
     * Deliveries of one subscription in flight at once (per replica), so one slow receiver only slows itself. 16, not
     * 4: with 4 one busy subscription's throughput was 4 per (claim + exchange) and its deliveries queued for slots
     * under a write load (bench/README.md, "Results: webhooks").
     */
    @WithDefault("16")
    int concurrencyPerSubscription();

    /** Deliveries claimed by one claim statement. */
    @WithDefault("200")
    int claimBatch();

    /** How often the worker looks for due deliveries when nothing woke it. */
    @WithDefault("1s")
    Duration pollInterval();

    /** A claimed delivery is claimable again after this (its replica died mid-send): well above the timeout. */
    @WithDefault("60s")
    Duration lease();

    /** The first retry's delay; it doubles per attempt, with jitter, up to {@link #maxBackoff()}. */
    @WithDefault("10s")
    Duration initialBackoff();

    @WithDefault("20m")
    Duration maxBackoff();

    /** A delivery still failing this long after its event is dropped (state {@code failed}). */
    @WithDefault("72h")
    Duration retryWindow();

    /** A subscription whose every attempt failed for this long is paused. */
    @WithDefault("3d")
    Duration pauseAfter();

    /** Pending deliveries at which a subscription is paused and its queue dropped (Close: 100,000). */
    @WithDefault("100000")
    int backlogLimit();

    /** How often the backlog limit is checked. */
    @WithDefault("1m")
    Duration backlogCheckInterval();

    /** Whether this replica runs the delivery worker. */
    @WithDefault("true")
    boolean deliveryEnabled();
}
