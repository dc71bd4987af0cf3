package io.leadline.events.eventlog;

import io.leadline.platform.events.EventBatchConsumer;
import io.leadline.platform.events.EventConsumers;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/**
 * Stores every domain event of every service in the event log, as received, one multi-row insert per poll so the
 * log keeps up with all producers together. Kafka delivers at least once; the insert ignores an id it already has,
 * so a redelivery changes nothing. What cannot be stored goes to its {@code <topic>.dlq} (the platform consumer).
 * The listeners (webhook deliveries) write in the same transaction, for the events stored for the first time.
 */
@ApplicationScoped
public class DomainEventConsumer {

    static final String CHANNEL = "domain-events-in";

    private final EventBatchConsumer consumer;

    @Inject
    DomainEventConsumer(EventConsumers consumers, EventRepository repository, Pool pool,
                        Instance<StoredEventsListener> listeners) {
        List<StoredEventsListener> all = listeners.stream().toList();
        consumer = consumers.batch(consumed -> {
            List<StoredEvent> events = consumed.stream().map(StoredEvent::from).toList();
            return pool.withTransaction(transaction -> repository.insertAll(transaction, events).chain(inserted -> {
                        List<StoredEvent> fresh = events.stream().filter(event -> inserted.contains(event.id())).toList();
                        return notifyAll(all, transaction, fresh);
                    }))
                    .invoke(() -> all.forEach(StoredEventsListener::committed));
        });
    }

    private static Uni<Void> notifyAll(List<StoredEventsListener> listeners,
                                       io.vertx.mutiny.sqlclient.SqlConnection transaction, List<StoredEvent> fresh) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        if (fresh.isEmpty()) {
            return chain;
        }
        for (StoredEventsListener listener : listeners) {
            chain = chain.chain(() -> listener.stored(transaction, fresh));
        }
        return chain;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return consumer.process(batch);
    }
}
