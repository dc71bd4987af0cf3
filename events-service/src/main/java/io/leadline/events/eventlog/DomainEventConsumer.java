package io.leadline.events.eventlog;

import io.leadline.platform.events.EventBatchConsumer;
import io.leadline.platform.events.EventConsumers;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Stores every domain event of every service in the event log, one poll per transaction ({@link EventStore}), so the
 * log keeps up with all producers together. Kafka delivers at least once; a known id changes nothing. What cannot be
 * stored goes to its {@code <topic>.dlq} (the platform consumer).
 */
@ApplicationScoped
public class DomainEventConsumer {

    static final String CHANNEL = "domain-events-in";

    private final EventBatchConsumer consumer;

    @Inject
    DomainEventConsumer(EventConsumers consumers, EventStore store) {
        consumer = consumers.batch(consumed -> store.store(consumed.stream().map(StoredEvent::from).toList()));
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return consumer.process(batch);
    }
}
