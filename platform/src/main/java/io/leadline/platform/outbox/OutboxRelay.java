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
 * A row Kafka refuses for good (too large, not serializable, an invalid topic: {@link SendFailures}) is parked
 * instead: taken out of the queue with its reason, counted and logged once, while the rest of the batch is recorded
 * as usual, so one bad record never stops the others. Failures that may pass leave their rows (and the later rows of
 * the same record key, see {@link BatchOutcome}) in the queue for the next attempt.
 * <p>
 * A service that publishes nothing builds with {@code leadline.outbox.enabled=false}: this bean then does not exist,
 * so neither its Kafka producer nor its LISTEN connection is ever created.
 */
@ApplicationScoped
@IfBuildProperty(name = OutboxConfig.ENABLED, stringValue = "true", enableIfMissing = true)
public class OutboxRelay {

    static final String CHANNEL = "domain-events";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String SELECT_BATCH = "select seq, event_id, organization_id, topic, record_key, event_type,"
            + " payload, created_at from outbox_event where sent_at is null and parked_at is null"
            + " order by seq limit $1 for update skip locked";
    private static final String MARK_SENT = "update outbox_event set sent_at = now() where seq = any($1)";
    private static final String PARK = "update outbox_event o set parked_at = now(), park_reason = p.reason"
            + " from unnest($1::bigint[], $2::text[]) as p(seq, reason) where o.seq = p.seq";
    private static final String COUNT_ROWS = "select count(*) filter (where parked_at is not null),"
            + " count(*) filter (where parked_at is null) from outbox_event where sent_at is null";
    /** How often the parked/pending gauges are read from the table (and right after a row is parked). */
    private static final long GAUGE_REFRESH_MILLIS = 10_000;

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    OutboxConfig config;

    @Inject
    OutboxWakeUps wakeUps;

    @Inject
    OutboxMetrics metrics;

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
        timers.add(vertx.setPeriodic(GAUGE_REFRESH_MILLIS, id -> refreshGauges()));
        refreshGauges();
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

    /**
     * Sends one batch and records what became of each row, in one transaction; true when the batch was full, so more
     * rows may be waiting. Fails (after committing what was sent and parked) when some rows must be tried again.
     */
    Uni<Boolean> drainBatch() {
        return pool.withTransaction(connection -> connection.preparedQuery(SELECT_BATCH)
                        .execute(Tuple.of(config.batchSize()))
                        .chain(rows -> sendAll(rows)
                                .map(BatchOutcome::of)
                                .call(outcome -> record(connection, outcome))
                                .map(outcome -> new Drained(outcome, rows.size() == config.batchSize()))))
                .map(drained -> {
                    reportParked(drained.outcome());
                    drained.outcome().retryLater().ifPresent(failure -> {
                        throw new IllegalStateException(failure.toString(), failure);
                    });
                    return drained.full();
                });
    }

    private record Drained(BatchOutcome outcome, boolean full) {
    }

    /** Every row's send, in row order; a failed send is an outcome, not a failure of the batch. */
    private Uni<List<BatchOutcome.Attempt>> sendAll(RowSet<Row> rows) {
        if (rows.size() == 0) {
            return Uni.createFrom().item(List.of());
        }
        List<Uni<BatchOutcome.Attempt>> sends = new ArrayList<>(rows.size());
        for (Row row : rows) {
            sends.add(Uni.createFrom().deferred(() -> emitter.sendMessage(message(row)))
                    .map(acked -> attempt(row, null))
                    .onFailure().recoverWithItem(failure -> attempt(row, failure)));
        }
        // Subscribed in row order, so the producer keeps per-lead order on each partition.
        return Uni.join().all(sends).andFailFast();
    }

    private static BatchOutcome.Attempt attempt(Row row, Throwable failure) {
        return new BatchOutcome.Attempt(row.getLong("seq"), row.getString("event_id"), row.getString("organization_id"),
                row.getString("event_type"), row.getString("record_key"), row.getString("topic"),
                row.getString("payload").length(), failure);
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

    private Uni<Void> record(SqlConnection connection, BatchOutcome outcome) {
        Uni<Void> sent = outcome.sent().isEmpty() ? Uni.createFrom().voidItem()
                : connection.preparedQuery(MARK_SENT).execute(Tuple.of(outcome.sent().toArray(Long[]::new)))
                        .replaceWithVoid();
        if (outcome.parked().isEmpty()) {
            return sent;
        }
        Long[] seqs = outcome.parked().stream().map(parked -> parked.attempt().seq()).toArray(Long[]::new);
        String[] reasons = outcome.parked().stream().map(BatchOutcome.Parked::reason).toArray(String[]::new);
        return sent.chain(() -> connection.preparedQuery(PARK).execute(Tuple.of(seqs, reasons)).replaceWithVoid());
    }

    /** After the commit: each parked row is logged once (it is never tried again) and counted. */
    private void reportParked(BatchOutcome outcome) {
        for (BatchOutcome.Parked parked : outcome.parked()) {
            BatchOutcome.Attempt row = parked.attempt();
            LOG.warnf("Outbox row %d parked: Kafka refused it for good, the relay goes on without it (event %s, %s,"
                            + " organization %s, key %s, topic %s, %d characters; platform/README.md, \"Parked events\","
                            + " says how to re-drive it). Reason: %s", row.seq(), row.eventId(), row.eventType(),
                    row.organizationId(), row.recordKey(), row.topic(), row.payloadLength(), parked.reason());
            metrics.parked(row.topic(), parked.reason());
        }
        if (!outcome.parked().isEmpty()) {
            refreshGauges();
        }
    }

    private void refreshGauges() {
        pool.preparedQuery(COUNT_ROWS).execute().subscribe().with(
                rows -> {
                    Row counts = rows.iterator().next();
                    metrics.rows(counts.getLong(0), counts.getLong(1));
                },
                failure -> LOG.debugf("Outbox gauges not refreshed: %s", failure.getMessage()));
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
