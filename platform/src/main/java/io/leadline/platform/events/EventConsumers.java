package io.leadline.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

/**
 * The one way a Leadline service consumes domain events (ARCHITECTURE §4). A consumer bean builds its consumer here
 * and hands every record of its channel to it:
 * <pre>{@code
 * @Inject
 * OrganizationCreatedConsumer(EventConsumers consumers, ProvisioningService provisioning) {
 *     consumer = consumers.dispatching(Map.of("organization.created", event -> ...));
 * }
 *
 * @Incoming("gateway-events-in")
 * public Uni<Void> consume(Message<String> record) {
 *     return consumer.process(record);
 * }
 * }</pre>
 * The channel must set {@code failure-strategy=dead-letter-queue}: that is how records reach {@code <topic>.dlq}.
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

    /** One record at a time, each type to its handler, deduplicated through {@code processed_event}. */
    public EventConsumer dispatching(Map<String, EventHandler> handlersByType) {
        return new EventConsumer(handlersByType, processedEvents, delivery);
    }

    /** A whole poll to one handler that stores it in one statement and dedupes by event id itself. */
    public EventBatchConsumer batch(EventBatchHandler handler) {
        return new EventBatchConsumer(handler, delivery);
    }
}
