package io.leadline.events.eventlog;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Drops what is older than the retention period: events, and every other {@link ExpiringRows} (webhook deliveries
 * answer for the same period). Deletes in small batches so a large backlog never holds long locks; every replica may
 * run it, the deletes just interleave.
 */
@ApplicationScoped
public class EventRetention {

    private static final Logger LOG = Logger.getLogger(EventRetention.class);
    private static final long PERIOD_MS = 15 * 60_000L;
    private static final int BATCH = 5_000;

    @Inject
    @Any
    Instance<ExpiringRows> expiring;

    @Inject
    EventLogConfig config;

    @Inject
    Vertx vertx;

    private long timer = -1;

    void start(@Observes StartupEvent startup) {
        timer = vertx.setPeriodic(PERIOD_MS, id -> purge().subscribe().with(done -> { }));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** One round: everything expired is deleted (each kind on its own; one failing does not stop the others). */
    public Uni<Void> purge() {
        Instant cutoff = Instant.now().minus(config.retention());
        List<Uni<Void>> rounds = new ArrayList<>();
        for (ExpiringRows rows : expiring) {
            rounds.add(deleteBatchesBefore(rows, cutoff)
                    .invoke(deleted -> LOG.debugf("Retention removed %d %s", deleted, rows.name()))
                    .onFailure().invoke(failure ->
                            LOG.warnf(failure, "Retention of %s failed; retrying next period", rows.name()))
                    .onFailure().recoverWithNull()
                    .replaceWithVoid());
        }
        return Uni.join().all(rounds).andCollectFailures().replaceWithVoid();
    }

    private static Uni<Integer> deleteBatchesBefore(ExpiringRows rows, Instant cutoff) {
        return rows.deleteBatch(cutoff, BATCH).chain(deleted -> deleted < BATCH
                ? Uni.createFrom().item(deleted)
                : deleteBatchesBefore(rows, cutoff).map(more -> more + deleted));
    }
}
