package io.leadline.events.eventlog;

import io.leadline.platform.events.EventConsumer;
import io.leadline.platform.events.EventConsumers;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.List;

/**
 * Stores every domain event of every service in the event log, one poll per transaction ({@link EventStore}), so the
 * log keeps up with all producers together. Kafka delivers at least once; a known id changes nothing. What cannot be
 * stored goes to its {@code <topic>.dlq} (the platform consumer).
 */
@ApplicationScoped
public class DomainEventConsumer {

    static final String CHANNEL = "domain-events-in";

    private final EventConsumer consumer;

    @Inject
    DomainEventConsumer(EventConsumers consumers, EventStore store) {
        consumer = consumers.batch(consumed -> store.store(consumed.stream().map(StoredEvent::from).toList()));
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<List<String>> poll) {
        return consumer.process(poll);
    }
}
