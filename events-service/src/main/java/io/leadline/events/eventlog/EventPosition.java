package io.leadline.events.eventlog;

import java.time.Instant;

/** Where an event sits in the log's order: newest first by {@code date_updated}, ties broken by id. */
record EventPosition(Instant dateUpdated, String id) {
}
