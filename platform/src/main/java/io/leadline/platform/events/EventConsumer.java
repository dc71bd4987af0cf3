package io.leadline.platform.events;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.Map;

/**
 * Consumes one record at a time: parse → dispatch by {@code object_type.action} → run the handler and record the
 * event id in {@code processed_event} in one transaction (a redelivery is a no-op) → retry with back-off what may
 * pass → {@code <topic>.dlq} for what cannot be parsed or keeps failing. Types without a handler are acknowledged
 * untouched. Built by {@link EventConsumers#dispatching}; the service's {@code @Incoming} method hands it each record.
 */
public final class EventConsumer {

    private final Map<String, EventHandler> handlers;
    private final ProcessedEvents processedEvents;
    private final Delivery delivery;

    EventConsumer(Map<String, EventHandler> handlers, ProcessedEvents processedEvents, Delivery delivery) {
        this.handlers = Map.copyOf(handlers);
        this.processedEvents = processedEvents;
        this.delivery = delivery;
    }

    public Uni<Void> process(Message<String> record) {
        ConsumedEvent event;
        try {
            event = ConsumedEvent.parse(record.getPayload());
        } catch (IllegalArgumentException notAnEvent) {
            return Delivery.deadLetter(record, notAnEvent);
        }
        EventHandler handler = handlers.get(event.type());
        if (handler == null) {
            return Delivery.ack(record);
        }
        return delivery.withRetries(() -> Panache.withTransaction(
                        () -> processedEvents.once(event, () -> handler.handle(event))))
                .onItemOrFailure().transformToUni((ran, failure) -> failure == null
                        ? Delivery.ack(record)
                        : Delivery.deadLetter(record, failure));
    }
}
