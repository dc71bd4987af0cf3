package io.leadline.platform.events;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Supplier;

/**
 * Makes a consumer's effect happen once per event although Kafka delivers at least once: the event id is recorded
 * in {@code processed_event} in the same transaction as the effect, and a redelivery finds it there.
 * Call inside a {@code @WithTransaction} pipeline.
 */
@ApplicationScoped
public class ProcessedEvents {

    private static final String CLAIM = "insert into processed_event (event_id, organization_id) values (:id, :org)"
            + " on conflict do nothing";

    /** Runs {@code effect} unless this event was processed before; emits whether it ran. */
    public Uni<Boolean> once(ConsumedEvent event, Supplier<Uni<Void>> effect) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(CLAIM)
                        .setParameter("id", event.id())
                        .setParameter("org", event.organizationId())
                        .executeUpdate())
                .chain(claimed -> claimed == 1 ? effect.get().replaceWith(true) : Uni.createFrom().item(false));
    }
}
