package io.leadline.events.eventlog;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

import java.util.List;
import java.util.Set;

/**
 * Something that must happen in the very transaction that stores consumed events (webhook deliveries: written with
 * the event or not at all). The event log names no listener; each is a bean, so the log's package imports none.
 */
public interface StoredEventsListener {

    /**
     * Called with the events this transaction stored for the first time (a redelivered event is not among them) and
     * the stored events a consolidation rewrote (with their new content).
     */
    Uni<Void> stored(SqlConnection transaction, List<StoredEvent> events);

    /**
     * Of {@code eventIds} (stored events a consolidation would rewrite), those that must stay as they are because
     * something already left with them (a webhook delivery was attempted). Called in the storing transaction, which
     * may lock what it needs so nothing leaves with them until it commits.
     */
    default Uni<Set<String>> settled(SqlConnection transaction, Set<String> eventIds) {
        return Uni.createFrom().item(Set.of());
    }

    /** After the transaction committed. */
    default void committed() {
    }
}
