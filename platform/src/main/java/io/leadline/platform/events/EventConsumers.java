package io.leadline.platform.events;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one way a Leadline service consumes domain events (ARCHITECTURE §4): a whole Kafka poll at a time. A consumer
 * bean builds its consumer here and hands every poll of its channel to it:
 * <pre>{@code
 * @Inject
 * OrganizationCreatedConsumer(EventConsumers consumers, ProvisioningService provisioning) {
 *     consumer = consumers.dispatching(Map.of("organization.created", event -> ...));
 * }
 *
 * @Incoming("gateway-events-in")
 * public Uni<Void> consume(Message<List<String>> poll) {
 *     return consumer.process(poll);
 * }
 * }</pre>
 * The channel must set {@code batch=true} (a poll per call) and {@code failure-strategy=dead-letter-queue} (that is
 * how records reach {@code <topic>.dlq}).
 */
@ApplicationScoped
public class EventConsumers {

    private final ProcessedEvents processedEvents;
    private final Delivery delivery;

    @Inject
    EventConsumers(ProcessedEvents processedEvents, EventConsumerConfig config) {
        this.processedEvents = processedEvents;
        this.delivery = new Delivery(config);
    }

    /**
     * Each type to its handler; a poll's events in one transaction with one statement that records their ids in
     * {@code processed_event} and answers which were new: only those run, in poll order, and a redelivery is a no-op.
     */
    public EventConsumer dispatching(Map<String, EventHandler> handlersByType) {
        Map<String, EventHandler> handlers = Map.copyOf(handlersByType);
        return new EventConsumer(handlers::containsKey,
                events -> Panache.withTransaction(() -> processedEvents.claim(events)
                        .chain(claimed -> runOnce(events, claimed, handlers))),
                delivery);
    }

    /** A whole poll to one handler that stores it in one statement and dedupes by event id itself. */
    public EventConsumer batch(EventBatchHandler handler) {
        return new EventConsumer(type -> true, handler, delivery);
    }

    /**
     * One after the other, in poll order. Each effect is flushed and the session cleared after it, so a large poll
     * never makes Hibernate dirty-check every entity the earlier events created.
     */
    private static Uni<Void> runOnce(List<ConsumedEvent> events, Set<String> claimed,
                                     Map<String, EventHandler> handlers) {
        return Multi.createFrom().iterable(events)
                .filter(event -> claimed.remove(event.id()))
                .onItem().transformToUniAndConcatenate(event -> handlers.get(event.type()).handle(event)
                        .chain(() -> Panache.getSession())
                        .chain(session -> session.flush().invoke(session::clear))
                        .replaceWith(Boolean.TRUE))
                .collect().last().replaceWithVoid();
    }
}
