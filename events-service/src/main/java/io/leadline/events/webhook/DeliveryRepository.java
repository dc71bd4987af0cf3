package io.leadline.events.webhook;

import io.leadline.events.eventlog.ExpiringRows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** SQL over {@code webhook_delivery} and {@code webhook_attempt}: claims, outcomes, redelivery. */
@ApplicationScoped
public class DeliveryRepository implements ExpiringRows {

    /**
     * Claims due deliveries, per active subscription at most {@code $1} less what this replica has in flight for it
     * ({@code $2} ids, {@code $5} counts), {@code $3} in all, skipping rows another replica holds
     * ({@code SKIP LOCKED}). So a subscription's slots refill as its attempts finish, never above the limit. A claim
     * pushes the row's next attempt a lease ahead, so the row is not claimable while it is being sent, and is again
     * if this replica dies before recording the outcome.
     */
    private static final String CLAIM = "with due as ("
            + " select d.id from webhook w"
            + " left join unnest($2::text[], $5::int[]) as busy (webhook_id, in_flight) on busy.webhook_id = w.id"
            + " cross join lateral ("
            + "  select x.id from webhook_delivery x"
            + "  where x.webhook_id = w.id and x.state = 'pending' and x.next_attempt_at <= now()"
            + "  order by x.next_attempt_at, x.id limit greatest(0, $1 - coalesce(busy.in_flight, 0))"
            + "  for update of x skip locked) d"
            + " where w.status = 'active' and coalesce(busy.in_flight, 0) < $1"
            + " limit $3)"
            + " update webhook_delivery d set next_attempt_at = now() + make_interval(secs => $4),"
            + " attempts = d.attempts + 1"
            + " from due, webhook w"
            + " where d.id = due.id and w.id = d.webhook_id"
            + " returning d.id, d.webhook_id, d.organization_id, d.event_id, d.attempts, d.date_created, w.url,"
            + " w.verify_ssl, w.signature_key, (select cast(e.payload as text) from event e where e.id = d.event_id)";

    @Inject
    Pool pool;

    Uni<List<DueDelivery>> claim(int perSubscription, Map<String, Integer> inFlight, int batch, double leaseSeconds) {
        List<String> busy = new ArrayList<>(inFlight.keySet());
        Integer[] counts = busy.stream().map(id -> inFlight.getOrDefault(id, 0)).toArray(Integer[]::new);
        return pool.preparedQuery(CLAIM)
                .execute(Tuple.of(perSubscription, busy.toArray(String[]::new), batch, leaseSeconds, counts))
                .map(rows -> {
                    List<DueDelivery> claimed = new ArrayList<>();
                    for (Row row : rows) {
                        claimed.add(new DueDelivery(row.getString(0), row.getString(1), row.getString(2),
                                row.getString(3), row.getInteger(4), row.getOffsetDateTime(5).toInstant(),
                                row.getString(6), row.getBoolean(7), row.getString(8), row.getString(9)));
                    }
                    return claimed;
                });
    }

    /*
     * Lock order: the subscription's row before its deliveries' rows, in every transaction that writes both (here and
     * pauseOverBacklog), so two of them never wait for each other.
     */

    /** Records a delivered attempt and clears the subscription's failure clock. */
    Uni<Void> delivered(DueDelivery delivery, AttemptOutcome outcome, Instant at) {
        return pool.withTransaction(connection -> connection.preparedQuery(
                                "update webhook set failing_since = null where id = $1 and failing_since is not null")
                        .execute(Tuple.of(delivery.webhookId()))
                        .chain(() -> connection.preparedQuery(
                                "update webhook_delivery set state = 'delivered', delivered_at = $2, next_attempt_at = null"
                                        + " where id = $1")
                                .execute(Tuple.of(delivery.id(), utc(at))))
                        .chain(() -> insertAttempt(connection, delivery, outcome, at, null)))
                .replaceWithVoid();
    }

    /**
     * Records a failed attempt: the delivery waits until {@code retryAt}, or is given up when that is null; the
     * subscription's failure clock starts (if not running) and it is paused once the clock passes
     * {@code pauseAfterSeconds}. Emits whether this paused it.
     */
    Uni<Boolean> failed(DueDelivery delivery, AttemptOutcome outcome, Instant at, Instant retryAt,
                        double pauseAfterSeconds) {
        return pool.withTransaction(connection -> connection.preparedQuery("update webhook set"
                                // the right-hand sides see the row as it was: pause when the clock had already run long enough
                                + " failing_since = coalesce(failing_since, $2::timestamptz),"
                                + " status = case when failing_since < $2::timestamptz - make_interval(secs => $3)"
                                + "   then 'paused' else status end,"
                                + " doc = case when failing_since < $2::timestamptz - make_interval(secs => $3)"
                                + "   then doc || '{\"status\": \"paused\"}'::jsonb else doc end"
                                + " where id = $1"
                                + " returning status, (failing_since < $2::timestamptz - make_interval(secs => $3))")
                        .execute(Tuple.of(delivery.webhookId(), utc(at), pauseAfterSeconds))
                        .map(rows -> {
                            var iterator = rows.iterator();
                            if (!iterator.hasNext()) {
                                return false;
                            }
                            Row row = iterator.next();
                            return Webhook.PAUSED.equals(row.getString(0)) && Boolean.TRUE.equals(row.getBoolean(1));
                        })
                        .call(() -> connection.preparedQuery(
                                        // a delivery dropped meanwhile (backlog purge) stays dropped
                                        "update webhook_delivery set state = $2, next_attempt_at = $3"
                                                + " where id = $1 and state = 'pending'")
                                .execute(Tuple.of(delivery.id(), retryAt == null ? "failed" : "pending",
                                        retryAt == null ? null : utc(retryAt))))
                        .call(() -> insertAttempt(connection, delivery, outcome, at, retryAt))
                        .call(paused -> paused
                                ? connection.preparedQuery("select cast(pg_notify($1, $2) as text)")
                                        .execute(Tuple.of(SubscriptionCache.CHANNEL, delivery.organizationId()))
                                : Uni.createFrom().voidItem()));
    }

    /**
     * Pauses every active subscription with {@code limit} or more pending deliveries and drops those deliveries
     * (state {@code failed}), as Close does at 100,000; tells every replica. Emits the organizations concerned.
     */
    Uni<List<String>> pauseOverBacklog(int limit) {
        return pool.withTransaction(connection -> connection.preparedQuery("with over as ("
                                + " select webhook_id from webhook_delivery where state = 'pending'"
                                + " group by webhook_id having count(*) >= $1),"
                                + " paused as (update webhook w set status = 'paused',"
                                + "  doc = w.doc || '{\"status\": \"paused\"}'::jsonb"
                                + "  from over where w.id = over.webhook_id and w.status = 'active'"
                                + "  returning w.id, w.organization_id),"
                                + " dropped as (update webhook_delivery d set state = 'failed', next_attempt_at = null"
                                + "  from paused where d.webhook_id = paused.id and d.state = 'pending')"
                                + " select distinct organization_id from paused")
                        .execute(Tuple.of(limit))
                        .chain(rows -> {
                            List<String> organizations = new ArrayList<>();
                            rows.forEach(row -> organizations.add(row.getString(0)));
                            if (organizations.isEmpty()) {
                                return Uni.createFrom().item(organizations);
                            }
                            return connection.preparedQuery("select cast(pg_notify($1, o) as text) from unnest($2::text[]) o")
                                    .execute(Tuple.of(SubscriptionCache.CHANNEL, organizations.toArray(String[]::new)))
                                    .replaceWith(organizations);
                        }));
    }

    private static Uni<Void> insertAttempt(io.vertx.mutiny.sqlclient.SqlConnection connection, DueDelivery delivery,
                                           AttemptOutcome outcome, Instant at, Instant retryAt) {
        return connection.preparedQuery("insert into webhook_attempt"
                        + " (delivery_id, attempted_at, status_code, latency_ms, response_excerpt, error, next_attempt_at)"
                        + " values ($1, $2, $3, $4, $5, $6, $7)")
                .execute(Tuple.tuple(Arrays.asList(delivery.id(), utc(at), outcome.statusCode(),
                        (int) Math.min(Integer.MAX_VALUE, outcome.latencyMs()), outcome.responseExcerpt(),
                        outcome.error(), retryAt == null ? null : utc(retryAt))))
                .replaceWithVoid();
    }

    /** Finished deliveries (and their attempts) go when the events they carried leave the log. */
    @Override
    public String name() {
        return "webhook deliveries";
    }

    @Override
    public Uni<Integer> deleteBatch(Instant cutoff, int limit) {
        return pool.preparedQuery("delete from webhook_delivery where id in (select id from webhook_delivery"
                        + " where state <> 'pending' and date_created < $1 limit $2)")
                .execute(Tuple.of(utc(cutoff), limit))
                .map(rows -> rows.rowCount());
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
