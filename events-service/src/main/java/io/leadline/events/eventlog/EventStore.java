package io.leadline.events.eventlog;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stores one consumed poll in one transaction with its listeners (webhook deliveries). A poll without updates is one
 * insert, as before consolidation. With updates, a constant number of statements whatever the poll's size: the
 * known ids (redeliveries, also of folded-in events), the newest stored event of each updated object (locked), the
 * listeners' word on which of those may no longer change, then the insert, the rewrites and the folded-in ids.
 */
@ApplicationScoped
public class EventStore {

    private final EventRepository repository;
    private final Pool pool;
    private final List<StoredEventsListener> listeners;
    private final EventConsolidation consolidation;

    @Inject
    EventStore(EventRepository repository, Pool pool, Instance<StoredEventsListener> listeners, EventLogConfig config) {
        this.repository = repository;
        this.pool = pool;
        this.listeners = listeners.stream().toList();
        this.consolidation = new EventConsolidation(config.consolidationWindow());
    }

    public Uni<Void> store(List<StoredEvent> events) {
        boolean consolidating = consolidation.enabled()
                && events.stream().anyMatch(event -> EventConsolidation.UPDATED.equals(event.action()));
        return pool.withTransaction(transaction -> consolidating
                        ? consolidate(transaction, events)
                        : insert(transaction, events, List.of(), Map.of()))
                .invoke(() -> listeners.forEach(StoredEventsListener::committed));
    }

    private Uni<Void> consolidate(SqlConnection transaction, List<StoredEvent> events) {
        return repository.knownIds(transaction, events.stream().map(StoredEvent::id).toList()).chain(known -> {
            Map<String, StoredEvent> unseen = new LinkedHashMap<>();
            events.stream().filter(event -> !known.contains(event.id()))
                    .forEach(event -> unseen.putIfAbsent(event.id(), event));
            List<StoredEvent> poll = new ArrayList<>(unseen.values());
            Set<EventConsolidation.ObjectKey> lookUp = consolidation.lookUp(poll);
            Uni<Map<EventConsolidation.ObjectKey, StoredEvent>> newest = lookUp.isEmpty()
                    ? Uni.createFrom().item(Map.of())
                    : repository.newestOf(transaction, lookUp).chain(found -> withoutSettled(transaction, found));
            return newest.chain(open -> {
                EventConsolidation.Outcome outcome = consolidation.fold(poll, open);
                return insert(transaction, outcome.inserts(), outcome.rewrites(), outcome.absorbed());
            });
        });
    }

    /** Drops the stored events a listener says must stay as they are. */
    private Uni<Map<EventConsolidation.ObjectKey, StoredEvent>> withoutSettled(
            SqlConnection transaction, Map<EventConsolidation.ObjectKey, StoredEvent> found) {
        Set<String> candidates = found.values().stream()
                .filter(event -> EventConsolidation.UPDATED.equals(event.action()))
                .map(StoredEvent::id).collect(Collectors.toSet());
        if (candidates.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Uni<Set<String>> settled = Uni.createFrom().item(new HashSet<>());
        for (StoredEventsListener listener : listeners) {
            settled = settled.chain(all -> listener.settled(transaction, candidates).map(more -> {
                all.addAll(more);
                return all;
            }));
        }
        return settled.map(all -> {
            Map<EventConsolidation.ObjectKey, StoredEvent> open = new LinkedHashMap<>(found);
            open.values().removeIf(event -> all.contains(event.id()));
            return open;
        });
    }

    /**
     * Inserts the new events (a redelivered id is ignored), writes the rewritten ones, remembers the folded-in ids,
     * then hands the listeners what is new or changed.
     */
    private Uni<Void> insert(SqlConnection transaction, List<StoredEvent> inserts, List<StoredEvent> rewrites,
                             Map<String, String> absorbed) {
        Uni<Set<String>> inserted = inserts.isEmpty() ? Uni.createFrom().item(Set.of())
                : repository.insertAll(transaction, inserts);
        return inserted.chain(ids -> repository.rewriteAll(transaction, rewrites)
                .chain(() -> repository.recordMerged(transaction, absorbed))
                .chain(() -> {
                    List<StoredEvent> changed = new ArrayList<>(rewrites);
                    inserts.stream().filter(event -> ids.contains(event.id())).forEach(changed::add);
                    return notifyListeners(transaction, changed);
                }));
    }

    private Uni<Void> notifyListeners(SqlConnection transaction, List<StoredEvent> changed) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        if (changed.isEmpty()) {
            return chain;
        }
        for (StoredEventsListener listener : listeners) {
            chain = chain.chain(() -> listener.stored(transaction, changed));
        }
        return chain;
    }
}
