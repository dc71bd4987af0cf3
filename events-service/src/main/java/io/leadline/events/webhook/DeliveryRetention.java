package io.leadline.events.webhook;

import io.leadline.events.eventlog.EventLogConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Drops finished deliveries (and their attempts) once the events they carried have left the log: the delivery log
 * answers for the same period as the event log ({@code leadline.event-log.retention}). Small batches, like
 * {@code EventRetention}.
 */
@ApplicationScoped
public class DeliveryRetention {

    private static final Logger LOG = Logger.getLogger(DeliveryRetention.class);
    private static final long PERIOD_MS = 15 * 60_000L;
    private static final int BATCH = 5_000;

    @Inject
    Pool pool;

    @Inject
    EventLogConfig config;

    @Inject
    Vertx vertx;

    private long timer = -1;

    void start(@Observes StartupEvent startup) {
        timer = vertx.setPeriodic(PERIOD_MS, id -> purge());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    void purge() {
        Instant cutoff = Instant.now().minus(config.retention());
        deleteBefore(cutoff).subscribe().with(
                deleted -> LOG.debugf("Delivery retention removed %d deliveries", deleted),
                failure -> LOG.warn("Delivery retention failed; retrying next period", failure));
    }

    private Uni<Integer> deleteBefore(Instant cutoff) {
        return pool.preparedQuery("delete from webhook_delivery where id in (select id from webhook_delivery"
                        + " where state <> 'pending' and date_created < $1 limit $2)")
                .execute(Tuple.of(DeliveryRepository.utc(cutoff), BATCH))
                .map(rows -> rows.rowCount())
                .chain(deleted -> deleted < BATCH ? Uni.createFrom().item(deleted)
                        : deleteBefore(cutoff).map(more -> more + deleted));
    }
}
