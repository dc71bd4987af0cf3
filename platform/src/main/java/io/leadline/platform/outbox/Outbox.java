package io.leadline.platform.outbox;

import io.leadline.platform.events.DomainEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Objects;

/**
 * Writes domain events into the outbox of the current transaction, so an event exists exactly when the change it
 * describes was committed. Must be called inside a {@code @WithTransaction} pipeline.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    OutboxConfig config;

    public Uni<Void> append(DomainEvent event) {
        if (event == null) {
            return Uni.createFrom().voidItem();
        }
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

    /** Appends several events in order, skipping nulls (updates that changed nothing). */
    public Uni<Void> appendAll(List<DomainEvent> events) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (DomainEvent event : events.stream().filter(Objects::nonNull).toList()) {
            chain = chain.chain(() -> append(event));
        }
        return chain;
    }
}
