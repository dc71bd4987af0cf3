package io.leadline.events.webhook;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends due deliveries. One claim at a time per replica: woken after each stored batch, each ended HTTP exchange and
 * every {@code poll-interval}; a claim takes for each subscription only the slots its deliveries in flight here leave
 * free, so each gets at most {@code concurrency-per-subscription} at once and one slow receiver never holds up
 * another. 2xx is done;
 * anything else (status, timeout, refused address) is retried with exponential backoff and jitter, capped at
 * {@code max-backoff}, until {@code retry-window} after the event; a subscription failing for {@code pause-after}
 * is paused.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    @Inject
    Vertx vertx;

    @Inject
    WebhooksConfig config;

    @Inject
    DeliveryRepository deliveries;

    @Inject
    WebhookSender sender;

    @Inject
    SubscriptionCache cache;

    private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();
    private final AtomicBoolean claiming = new AtomicBoolean();
    private final AtomicBoolean wokenWhileClaiming = new AtomicBoolean();
    private volatile boolean running;
    private long timer = -1;
    private long backlogTimer = -1;

    void start(@Observes StartupEvent startup) {
        if (!config.deliveryEnabled()) {
            return;
        }
        running = true;
        timer = vertx.setPeriodic(config.pollInterval().toMillis(), id -> wakeUp());
        backlogTimer = vertx.setPeriodic(config.backlogCheckInterval().toMillis(), id -> pauseOverBacklog());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            vertx.cancelTimer(backlogTimer);
        }
    }

    /** Close pauses a subscription whose backlog reaches 100,000 and drops the queue; so do we. */
    void pauseOverBacklog() {
        deliveries.pauseOverBacklog(config.backlogLimit()).subscribe().with(organizations -> {
            if (!organizations.isEmpty()) {
                LOG.infof("Paused webhook subscriptions over the backlog limit of %d in %s", config.backlogLimit(),
                        organizations);
                organizations.forEach(cache::invalidate);
            }
        }, failure -> LOG.warnf("Checking webhook backlogs failed; trying again next period: %s", failure.getMessage()));
    }

    /** Looks for due deliveries now (or right after the claim under way). */
    public void wakeUp() {
        if (!running) {
            return;
        }
        if (!claiming.compareAndSet(false, true)) {
            wokenWhileClaiming.set(true);
            return;
        }
        wokenWhileClaiming.set(false);
        deliveries.claim(config.concurrencyPerSubscription(), Map.copyOf(inFlight), config.claimBatch(),
                        config.lease().toMillis() / 1000.0)
                .subscribe().with(claimed -> {
                    claimed.forEach(this::attempt);
                    claiming.set(false);
                    // a full batch means more may be due at once
                    if (wokenWhileClaiming.get() || claimed.size() == config.claimBatch()) {
                        vertx.runOnContext(ignored -> wakeUp());
                    }
                }, failure -> {
                    claiming.set(false);
                    LOG.warnf("Claiming webhook deliveries failed; trying again shortly: %s", failure.getMessage());
                });
    }

    private void attempt(DueDelivery delivery) {
        inFlight.merge(delivery.webhookId(), 1, Integer::sum);
        sender.send(delivery)
                // The slot is the receiver's: free as soon as the exchange ends, so the subscription's next delivery
                // goes out while this outcome is written. The row stays leased until then, so no claim takes it again.
                .onTermination().invoke(() -> {
                    inFlight.computeIfPresent(delivery.webhookId(), (id, count) -> count <= 1 ? null : count - 1);
                    wakeUpLater();
                })
                .chain(outcome -> record(delivery, outcome))
                .subscribe().with(ignored -> { }, failure ->
                        LOG.warnf("Recording webhook delivery %s failed; it is retried when its lease ends: %s",
                                delivery.id(), failure.getMessage()));
    }

    private void wakeUpLater() {
        vertx.runOnContext(ignored -> wakeUp());
    }

    private Uni<Void> record(DueDelivery delivery, AttemptOutcome outcome) {
        Instant now = Instant.now();
        if (outcome.delivered()) {
            return deliveries.delivered(delivery, outcome, now);
        }
        Instant retryAt = now.plus(backoff(delivery.attempt()));
        if (retryAt.isAfter(delivery.dateCreated().plus(config.retryWindow()))) {
            retryAt = null;
        }
        LOG.debugf("Webhook delivery %s attempt %d failed (%s %s)", delivery.id(), delivery.attempt(),
                outcome.statusCode(), outcome.error());
        return deliveries.failed(delivery, outcome, now, retryAt, config.pauseAfter().toSeconds())
                .invoke(paused -> {
                    if (paused) {
                        LOG.infof("Webhook subscription %s paused after failing since %s", delivery.webhookId(),
                                config.pauseAfter());
                        cache.invalidate(delivery.organizationId());
                    }
                })
                .replaceWithVoid();
    }

    Duration backoff(int attempt) {
        return backoff(attempt, config.initialBackoff(), config.maxBackoff(), ThreadLocalRandom.current().nextDouble());
    }

    /**
     * {@code initial × 2^(attempt-1)}, capped, then between half and all of it ({@code random} in [0, 1)), so the
     * retries of many deliveries that failed together spread out.
     */
    static Duration backoff(int attempt, Duration initial, Duration cap, double random) {
        long capMs = cap.toMillis();
        long exponential = attempt >= 40 ? capMs : Math.min(capMs, initial.toMillis() << Math.max(0, attempt - 1));
        long jittered = exponential / 2 + (long) (random * (exponential - exponential / 2));
        return Duration.ofMillis(Math.max(1, jittered));
    }
}
