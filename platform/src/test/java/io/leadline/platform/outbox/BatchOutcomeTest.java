package io.leadline.platform.outbox;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchOutcomeTest {

    @Test
    void aRecordKafkaRefusesForGoodIsParkedAndBlocksNothing() {
        BatchOutcome outcome = BatchOutcome.of(List.of(
                attempt(1, "lead_a", null),
                attempt(2, "lead_a", new RecordTooLargeException("The message is 2000000 bytes")),
                attempt(3, "lead_a", null),
                attempt(4, "lead_b", null)));

        assertEquals(List.of(1L, 3L, 4L), outcome.sent());
        assertEquals(1, outcome.parked().size());
        assertEquals(2L, outcome.parked().get(0).attempt().seq());
        assertTrue(outcome.parked().get(0).reason().startsWith("RecordTooLargeException: The message is"));
        assertTrue(outcome.retryLater().isEmpty());
    }

    @Test
    void aFailureThatMayPassKeepsItsKeysLaterRowsQueuedSoTheyStayInOrder() {
        TimeoutException brokerSlow = new TimeoutException("Expiring 1 record(s)");
        BatchOutcome outcome = BatchOutcome.of(List.of(
                attempt(1, "lead_a", null),
                attempt(2, "lead_a", brokerSlow),
                attempt(3, "lead_a", null),
                attempt(4, "lead_b", null)));

        assertEquals(List.of(1L, 4L), outcome.sent(), "lead_a's row 3 waits for row 2, lead_b goes on");
        assertTrue(outcome.parked().isEmpty());
        assertEquals(brokerSlow, outcome.retryLater().orElseThrow());
    }

    @Test
    void onlyFailuresOfTheRecordItselfPark() {
        assertTrue(SendFailures.parkReason(new CompletionException(new SerializationException("bad"))).isPresent(),
                "found behind wrappers");
        assertTrue(SendFailures.parkReason(new TopicAuthorizationException("denied")).isEmpty(),
                "a configuration problem fails every record alike: retried, never parked");
        assertTrue(SendFailures.parkReason(new TimeoutException("down")).isEmpty());
        assertTrue(SendFailures.parkReason(new RecordTooLargeException("x".repeat(5000))).orElseThrow().length()
                <= SendFailures.MAX_REASON_LENGTH);
    }

    private static BatchOutcome.Attempt attempt(long seq, String key, Throwable failure) {
        return new BatchOutcome.Attempt(seq, "ev_" + seq, "orga_1", "lead.updated", key, "crm-core.events", 10, failure);
    }
}
