package io.leadline.events.webhook;

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
            + " select d.id, d.webhook_id, d.organization_id, d.event_id, 'pending', now(), now()"
            + " from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as d (id, webhook_id, organization_id, event_id)"
            + " join webhook w on w.id = d.webhook_id and w.status = 'active'"
            + " on conflict (webhook_id, event_id) do nothing";

    @Inject
    SubscriptionCache cache;

    @Inject
    DeliveryWorker worker;

    @Override
    public Uni<Void> stored(SqlConnection transaction, List<StoredEvent> events) {
        List<String> organizations = events.stream().map(StoredEvent::organizationId).distinct().toList();
        return cache.activeOf(transaction, organizations).chain(subscriptions -> insert(transaction, events, subscriptions));
    }

    @Override
    public void committed() {
        worker.wakeUp();
    }

    private static Uni<Void> insert(SqlConnection transaction, List<StoredEvent> events,
                                    Map<String, List<Subscription>> subscriptions) {
        List<String> ids = new ArrayList<>();
        List<String> webhooks = new ArrayList<>();
        List<String> organizations = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();
        for (StoredEvent event : events) {
            for (Subscription subscription : subscriptions.getOrDefault(event.organizationId(), List.of())) {
                if (subscription.matches(event)) {
                    ids.add(Ids.shortId("whdel"));
                    webhooks.add(subscription.id());
                    organizations.add(event.organizationId());
                    eventIds.add(event.id());
                }
            }
        }
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple columns = Tuple.tuple(Arrays.<Object>asList(ids.toArray(String[]::new), webhooks.toArray(String[]::new),
                organizations.toArray(String[]::new), eventIds.toArray(String[]::new)));
        return transaction.preparedQuery(INSERT_ALL).execute(columns).replaceWithVoid();
    }
}
