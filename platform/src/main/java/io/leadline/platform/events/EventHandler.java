package io.leadline.platform.events;

import io.smallrye.mutiny.Uni;

/**
 * What a service does with one event type. Runs inside the transaction that also records the event id in
 * {@code processed_event}, so its effect and the dedupe marker commit together or not at all.
 */
@FunctionalInterface
public interface EventHandler {

    Uni<Void> handle(ConsumedEvent event);
}
