package io.leadline.activities.email;

import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.generators.SourceDSL.integers;

class SendRetriesTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void waitsDoubleUntilTheLastAttempt() {
        SendRetries retries = new SendRetries(4, Duration.ofSeconds(30));
        assertEquals(Optional.of(NOW.plusSeconds(30)), retries.nextAttempt(1, NOW));
        assertEquals(Optional.of(NOW.plusSeconds(60)), retries.nextAttempt(2, NOW));
        assertEquals(Optional.of(NOW.plusSeconds(120)), retries.nextAttempt(3, NOW));
        assertEquals(Optional.empty(), retries.nextAttempt(4, NOW));
    }

    @Test
    void everyAttemptBeforeTheLastIsRetriedLaterAndNoneAfter() {
        QuickTheory.qt().forAll(integers().between(1, 1000), integers().between(1, 1000)).check((max, failed) -> {
            Optional<Instant> next = new SendRetries(max, Duration.ofMillis(100)).nextAttempt(failed, NOW);
            return failed >= max ? next.isEmpty() : next.isPresent() && next.get().isAfter(NOW);
        });
    }
}
