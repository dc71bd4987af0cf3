package io.leadline.events.webhook;

import io.leadline.events.eventlog.EventLogConfig;
import io.leadline.events.eventlog.StoredEvent;
import io.leadline.events.eventlog.StoredEventsListener;
import io.leadline.platform.id.Ids;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;

/**
 * Writes a pending delivery for each (active subscription, event) that matches, in the transaction that stores the
 * consumed events: an event is in the log with its deliveries or not at all, so a crash loses none. One insert per
 * poll, whatever its size; the subscriptions come from {@link SubscriptionCache}.
 */
@ApplicationScoped
public class DeliveryScheduler implements StoredEventsListener {

    /**
     * The join on the subscription drops deliveries for one deleted or paused since the cache was read; a
     * redelivered pair hits the unique key and is ignored.
     */
    static final String INSERT_ALL = "insert into webhook_delivery"
            + " (id, webhook_id, organization_id, event_id, state, next_attempt_at, date_created)"
            + " select d.id, d.webhook_id, d.organization_id, d.event_id, 'pending',"
            + " now() + make_interval(secs => d.delay), now()"
            + " from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[])"
            + " as d (id, webhook_id, organization_id, event_id, delay)"
            + " join webhook w on w.id = d.webhook_id and w.status = 'active'"
            + " on conflict (webhook_id, event_id) do nothing";

    private static final Set<String> DELAYED_ACTIONS = Set.of("updated", "deleted");

    @Inject
    SubscriptionCache cache;

    @Inject
    DeliveryWorker worker;

    @Inject
    EventLogConfig eventLog;

    /**
     * An event with a delivery already attempted (or being sent) must not change under it: consolidation leaves it
     * alone and stores the next update as an event of its own. The pending deliveries of the others are locked, so
     * no worker claims them before the consolidated content is committed ({@code SKIP LOCKED} passes them by).
     */
    @Override
    public Uni<Set<String>> settled(SqlConnection transaction, Set<String> eventIds) {
        return transaction.preparedQuery("select event_id, state <> 'pending' or attempts > 0 from webhook_delivery"
                        + " where event_id = any($1::text[]) for update")
                .execute(Tuple.of(eventIds.toArray(String[]::new)))
                .map(rows -> {
                    Set<String> settled = new HashSet<>();
                    rows.forEach(row -> {
                        if (Boolean.TRUE.equals(row.getBoolean(1))) {
                            settled.add(row.getString(0));
                        }
                    });
                    return settled;
                });
    }

    @Override
    public Uni<Void> stored(SqlConnection transaction, List<StoredEvent> events) {
        List<String> organizations = events.stream().map(StoredEvent::organizationId).distinct().toList();
        double delay = eventLog.consolidationWindow().toMillis() / 1000.0;
        return cache.activeOf(transaction, organizations)
                .chain(subscriptions -> insert(transaction, events, subscriptions, delay));
    }

    @Override
    public void committed() {
        worker.wakeUp();
    }

    /**
     * Updates and deletions wait for the consolidation window, as Close delays them, so a delivery carries the
     * consolidated event (the worker reads the event when it claims the delivery) and a deletion does not overtake
     * the update before it. A rewritten event's deliveries already written stay as they are (the unique key); only
     * subscriptions it matches now for the first time get one.
     */
    private static Uni<Void> insert(SqlConnection transaction, List<StoredEvent> events,
                                    Map<String, List<Subscription>> subscriptions, double consolidationDelay) {
        List<String> ids = new ArrayList<>();
        List<String> webhooks = new ArrayList<>();
        List<String> organizations = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();
        List<Double> delays = new ArrayList<>();
        for (StoredEvent event : events) {
            for (Subscription subscription : subscriptions.getOrDefault(event.organizationId(), List.of())) {
                if (subscription.matches(event)) {
                    ids.add(Ids.shortId("whdel"));
                    webhooks.add(subscription.id());
                    organizations.add(event.organizationId());
                    eventIds.add(event.id());
                    delays.add(DELAYED_ACTIONS.contains(event.action()) ? consolidationDelay : 0.0);
                }
            }
        }
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple columns = Tuple.tuple(Arrays.<Object>asList(ids.toArray(String[]::new), webhooks.toArray(String[]::new),
                organizations.toArray(String[]::new), eventIds.toArray(String[]::new), delays.toArray(Double[]::new)));
        return transaction.preparedQuery(INSERT_ALL).execute(columns).replaceWithVoid();
    }
}
