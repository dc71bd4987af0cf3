package io.leadline.events.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Close's retry schedule: exponential from the first delay, never more than 20 minutes apart, with jitter. */
class BackoffTest {

    private static final Duration INITIAL = Duration.ofSeconds(10);
    private static final Duration CAP = Duration.ofMinutes(20);

    @Test
    void doublesPerAttemptWithinHalfToAllOfTheStep() {
        assertEquals(Duration.ofSeconds(5), DeliveryWorker.backoff(1, INITIAL, CAP, 0.0));
        assertEquals(Duration.ofMillis(7_500), DeliveryWorker.backoff(1, INITIAL, CAP, 0.5));
        assertEquals(Duration.ofSeconds(20), DeliveryWorker.backoff(3, INITIAL, CAP, 0.0));
        assertEquals(Duration.ofSeconds(30), DeliveryWorker.backoff(3, INITIAL, CAP, 0.5));
        assertEquals(true, DeliveryWorker.backoff(3, INITIAL, CAP, 0.99999999).compareTo(Duration.ofSeconds(40)) <= 0);
    }

    @Test
    void neverMoreThanTwentyMinutesHoweverManyAttempts() {
        for (int attempt = 1; attempt < 1_000; attempt++) {
            Duration longest = DeliveryWorker.backoff(attempt, INITIAL, CAP, 0.99999999);
            assertEquals(true, longest.compareTo(CAP) <= 0, "attempt " + attempt);
        }
        assertEquals(Duration.ofMinutes(15), DeliveryWorker.backoff(500, INITIAL, CAP, 0.5));
        assertEquals(Duration.ofMinutes(10), DeliveryWorker.backoff(12, INITIAL, CAP, 0.0));
    }
}
