package io.leadline.platform.events;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes a consumer's effects happen once per event although Kafka delivers at least once: the ids of a poll's events
 * are recorded in {@code processed_event} in the same transaction as their effects, and a redelivery finds them there.
 * Call inside a transaction ({@code Panache.withTransaction}).
 */
@ApplicationScoped
public class ProcessedEvents {

    /**
     * One statement per poll, whatever its size: the ids arrive as one JSON array (one bind parameter, so one prepared
     * statement for every poll size). It is bound as text and cast afterwards: a parameter PostgreSQL types as jsonb
     * would receive the string as one JSON string. An id seen before, or twice in the poll, is claimed once at most.
     */
    private static final String CLAIM_ALL = "insert into processed_event (event_id, organization_id)"
            + " select e ->> 'id', e ->> 'organization_id'"
            + " from jsonb_array_elements(cast(cast(:events as text) as jsonb)) e"
            + " on conflict do nothing returning event_id";

    /** The ids of {@code events} not processed before: their effects are due now. */
    public Uni<Set<String>> claim(List<ConsumedEvent> events) {
        ArrayNode json = JsonNodeFactory.instance.arrayNode(events.size());
        events.forEach(event -> json.addObject().put("id", event.id()).put("organization_id", event.organizationId()));
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(CLAIM_ALL, String.class)
                        .setParameter("events", json.toString())
                        .getResultList())
                .map(HashSet::new);
    }
}
