package io.leadline.platform.outbox;

import io.leadline.platform.events.DomainEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes domain events into the outbox of the current transaction, so an event exists exactly when the change it
 * describes was committed. Must be called inside a {@code @WithTransaction} pipeline.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    OutboxConfig config;

    public Uni<Void> append(DomainEvent event) {
        Objects.requireNonNull(event, "event");
        OutboxEvent row = new OutboxEvent();
        row.eventId = event.id();
        row.organizationId = event.organizationId();
        row.topic = config.topic();
        row.recordKey = event.recordKey();
        row.eventType = event.type();
        row.payload = event.toJson().toString();
        row.createdAt = event.dateCreated();
        return Panache.getSession().chain(session -> session.persist(row));
    }

    /** Appends an update's event; an update that changed nothing (empty) writes nothing. */
    public Uni<Void> append(Optional<DomainEvent> event) {
        return event.map(this::append).orElseGet(() -> Uni.createFrom().voidItem());
    }

    /** Appends several events in order. */
    public Uni<Void> appendAll(List<DomainEvent> events) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (DomainEvent event : events) {
            chain = chain.chain(() -> append(event));
        }
        return chain;
    }
}
