package io.leadline.events.eventlog;

import io.smallrye.mutiny.Uni;

import java.time.Instant;

/** Rows kept as long as the event log keeps events; {@link EventRetention} deletes them in batches. */
public interface ExpiringRows {

    /** What the rows are, for the log line. */
    String name();

    /** Deletes at most {@code limit} rows that expired before {@code cutoff}; answers how many it deleted. */
    Uni<Integer> deleteBatch(Instant cutoff, int limit);
}
