package io.leadline.platform.outbox;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

import java.util.List;
import java.util.Optional;

/**
 * Tells a record Kafka will never take from a send that may pass later.
 * <p>
 * Only failures that belong to the record itself are final: its size ({@code max.request.size} on the producer,
 * {@code max.message.bytes} on the topic), its serialization, its topic's name, a record the broker rejects as
 * invalid. Everything else — the broker down or busy, timeouts, missing authorization, an unknown server error — is
 * a property of the cluster or the configuration and would fail every record alike: parking would empty the whole
 * queue into the parking lot, so those are retried until they pass, as before.
 */
final class SendFailures {

    private static final List<Class<? extends Throwable>> FINAL = List.of(
            RecordTooLargeException.class,
            RecordBatchTooLargeException.class,
            InvalidRecordException.class,
            InvalidTopicException.class,
            SerializationException.class);

    /** Longer reasons are cut: the column is for operators, the full stack trace is in the relay's log. */
    static final int MAX_REASON_LENGTH = 1000;

    private SendFailures() {
    }

    /** Why the record can never be sent, or empty when the failure may pass on a later attempt. */
    static Optional<String> parkReason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            for (Class<? extends Throwable> type : FINAL) {
                if (type.isInstance(cause)) {
                    String reason = cause.getClass().getSimpleName() + ": " + cause.getMessage();
                    return Optional.of(reason.length() <= MAX_REASON_LENGTH ? reason
                            : reason.substring(0, MAX_REASON_LENGTH));
                }
            }
        }
        return Optional.empty();
    }
}
