package io.leadline.systemtests;

import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits, boundedly, for something that happens asynchronously (events travel through Kafka). */
final class Eventually {

    // 4 polls a second stay well inside the test stack's per-key rate limit (Stack.KEY_RATE_LIMIT per window)
    private static final Duration POLL = Duration.ofMillis(250);

    private Eventually() {
    }

    static <T> T await(Supplier<T> probe, Predicate<T> done, Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInterval(POLL).until(probe::get, done::test);
    }
}
