package io.leadline.platform.outbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the sends of one batch came to, and so what the relay records: which rows are sent, which are parked, and
 * whether the batch must be tried again.
 * <p>
 * A row is marked sent only when no earlier row with the same record key failed in a way that may pass: that earlier
 * row is sent again later, and its key's later rows with it, so a key's events never overtake each other (the
 * duplicates are harmless, consumers deduplicate by event id). A parked row blocks nothing: it will not be sent at
 * all unless an operator re-drives it.
 */
final class BatchOutcome {

    /** One row's send: {@code failure} is null when Kafka acknowledged it. */
    record Attempt(long seq, String eventId, String organizationId, String eventType, String recordKey, String topic,
                   int payloadLength, Throwable failure) {
    }

    record Parked(Attempt attempt, String reason) {
    }

    private final List<Long> sent = new ArrayList<>();
    private final List<Parked> parked = new ArrayList<>();
    private Throwable retryLater;

    private BatchOutcome() {
    }

    /** {@code attempts} in row ({@code seq}) order. */
    static BatchOutcome of(List<Attempt> attempts) {
        BatchOutcome outcome = new BatchOutcome();
        Set<String> keysToRetry = new HashSet<>();
        for (Attempt attempt : attempts) {
            if (attempt.failure() == null) {
                if (!keysToRetry.contains(attempt.recordKey())) {
                    outcome.sent.add(attempt.seq());
                }
                continue;
            }
            Optional<String> reason = SendFailures.parkReason(attempt.failure());
            if (reason.isPresent()) {
                outcome.parked.add(new Parked(attempt, reason.get()));
            } else {
                keysToRetry.add(attempt.recordKey());
                if (outcome.retryLater == null) {
                    outcome.retryLater = attempt.failure();
                }
            }
        }
        return outcome;
    }

    List<Long> sent() {
        return sent;
    }

    List<Parked> parked() {
        return parked;
    }

    /** The first failure that may pass, when some rows stay in the queue for the next attempt. */
    Optional<Throwable> retryLater() {
        return Optional.ofNullable(retryLater);
    }
}
