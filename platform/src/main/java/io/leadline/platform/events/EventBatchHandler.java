package io.leadline.platform.events;

import io.smallrye.mutiny.Uni;

import java.util.List;

/**
 * Applies a poll's events (in poll order) all or nothing: a redelivered event must change nothing, and a failure
 * fails the whole call; the consumer then hands the events over one by one to find the culprits. An
 * {@link IllegalArgumentException} (or data PostgreSQL refuses) means an event can never be applied.
 * {@link EventConsumers#dispatching} makes one from per-type {@link EventHandler}s; a consumer that stores a whole poll
 * in one statement implements it itself (and dedupes by event id, e.g. {@code on conflict (id) do nothing}).
 */
@FunctionalInterface
public interface EventBatchHandler {

    Uni<Void> handle(List<ConsumedEvent> events);
}
