package io.leadline.platform.events;

import io.smallrye.mutiny.Uni;

import java.util.List;

/**
 * Stores a whole poll of events in one statement. It must ignore an event id it has seen before (e.g. an insert with
 * {@code on conflict (id) do nothing}): in batch mode the stored row itself is the dedupe marker. It fails as a whole;
 * the consumer then finds the culprits one by one. An {@link IllegalArgumentException} means an event can never be
 * stored.
 */
@FunctionalInterface
public interface EventBatchHandler {

    Uni<Void> handle(List<ConsumedEvent> events);
}
