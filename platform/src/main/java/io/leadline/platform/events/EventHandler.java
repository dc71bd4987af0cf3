package io.leadline.platform.events;

import io.smallrye.mutiny.Uni;

/**
 * What a service does with one event type. Runs inside the transaction that also records the poll's event ids in
 * {@code processed_event} (and runs the poll's other handlers, one after the other), so its effect and the dedupe
 * marker commit together or not at all.
 */
@FunctionalInterface
public interface EventHandler {

    Uni<Void> handle(ConsumedEvent event);
}
