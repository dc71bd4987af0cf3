package io.leadline.systemtests;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits, boundedly, for something that happens asynchronously (events travel through Kafka). */
final class Eventually {

    private Eventually() {
    }

    static <T> T await(Supplier<T> probe, Predicate<T> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not reached within " + timeout + "; last seen: " + last);
            }
            // 4 polls a second stay well inside the test stack's per-key rate limit (Stack.KEY_RATE_LIMIT per window)
            sleep(250);
            last = probe.get();
        }
        return last;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
