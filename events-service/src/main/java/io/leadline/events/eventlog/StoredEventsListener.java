package io.leadline.events.eventlog;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

import java.util.List;

/**
 * Something that must happen in the very transaction that stores consumed events (webhook deliveries: written with
 * the event or not at all). The event log names no listener; each is a bean, so the log's package imports none.
 */
public interface StoredEventsListener {

    /** Called with the events this transaction stored for the first time (a redelivered event is not among them). */
    Uni<Void> stored(SqlConnection transaction, List<StoredEvent> events);

    /** After the transaction committed. */
    default void committed() {
    }
}
