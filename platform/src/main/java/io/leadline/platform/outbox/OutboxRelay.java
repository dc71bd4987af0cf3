package io.leadline.platform.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Moves committed outbox rows to Kafka. Rows are locked with {@code FOR UPDATE SKIP LOCKED}, so several replicas
 * can relay at once without sending a row twice concurrently; a row is marked sent only after Kafka acknowledged it,
 * so a broker outage delays events but never loses them (a crash between ack and mark resends: consumers dedupe).
 * <p>
 * A service that publishes nothing builds with {@code leadline.outbox.enabled=false}: this bean then does not exist,
 * so neither its Kafka producer nor its LISTEN connection is ever created.
 */
@ApplicationScoped
@IfBuildProperty(name = OutboxConfig.ENABLED, stringValue = "true", enableIfMissing = true)
public class OutboxRelay {

    static final String CHANNEL = "domain-events";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String SELECT_BATCH = "select seq, event_id, topic, record_key, event_type, payload, created_at"
            + " from outbox_event where sent_at is null order by seq limit $1 for update skip locked";

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    OutboxConfig config;

    @Inject
    OutboxWakeUps wakeUps;

    @Inject
    @Channel(CHANNEL)
    MutinyEmitter<String> emitter;

    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean wokenWhileDraining = new AtomicBoolean();
    private final List<Long> timers = new ArrayList<>();

    void start(@Observes StartupEvent startup) {
        if (!config.relayEnabled()) {
            return;
        }
        wakeUps.listen(this::nudge);
        timers.add(vertx.setPeriodic(config.pollInterval().toMillis(), id -> nudge()));
        timers.add(vertx.setPeriodic(60_000, id -> deleteExpired()));
        nudge();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        timers.forEach(vertx::cancelTimer);
    }

    /** Starts a drain unless one runs; a nudge during a drain makes it go round once more. */
    public void nudge() {
        if (!draining.compareAndSet(false, true)) {
            wokenWhileDraining.set(true);
            return;
        }
        wokenWhileDraining.set(false);
        drainBatch().subscribe().with(this::finished, failure -> {
            LOG.warnf("Outbox relay could not send events, will retry: %s", failure.getMessage());
            draining.set(false);
        });
    }

    private void finished(boolean batchWasFull) {
        draining.set(false);
        if (batchWasFull || wokenWhileDraining.get()) {
            nudge();
        }
    }

    /** Sends one batch in a transaction; true when the batch was full, so more rows may be waiting. */
    Uni<Boolean> drainBatch() {
        return pool.withTransaction(connection -> connection.preparedQuery(SELECT_BATCH)
                .execute(Tuple.of(config.batchSize()))
                .chain(rows -> send(rows).chain(() -> markSent(connection, rows)).replaceWith(rows.size() == config.batchSize())));
    }

    private Uni<Void> send(RowSet<Row> rows) {
        if (rows.size() == 0) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> sends = new ArrayList<>(rows.size());
        for (Row row : rows) {
            sends.add(emitter.sendMessage(message(row)));
        }
        // Subscribed in row order, so the producer keeps per-lead order on each partition.
        return Uni.join().all(sends).andFailFast().replaceWithVoid();
    }

    private Message<String> message(Row row) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(row.getString("event_id")));
        headers.add("ce_type", bytes(row.getString("event_type")));
        headers.add("ce_source", bytes(config.source()));
        headers.add("ce_time", bytes(row.getOffsetDateTime("created_at").toString()));
        headers.add("content-type", bytes("application/json"));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.getString("topic"))
                .withKey(row.getString("record_key"))
                .withHeaders(headers)
                .build();
        return Message.of(row.getString("payload")).addMetadata(metadata);
    }

    private Uni<Void> markSent(SqlConnection connection, RowSet<Row> rows) {
        if (rows.size() == 0) {
            return Uni.createFrom().voidItem();
        }
        Long[] seqs = new Long[rows.size()];
        int i = 0;
        for (Row row : rows) {
            seqs[i++] = row.getLong("seq");
        }
        return connection.preparedQuery("update outbox_event set sent_at = now() where seq = any($1)")
                .execute(Tuple.of(seqs)).replaceWithVoid();
    }

    private void deleteExpired() {
        OffsetDateTime cutoff = OffsetDateTime.now().minus(config.retention());
        pool.preparedQuery("delete from outbox_event where sent_at < $1").execute(Tuple.of(cutoff))
                .subscribe().with(done -> { }, failure -> LOG.warnf("Outbox cleanup failed: %s", failure.getMessage()));
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
