package io.leadline.activities.email;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** After a failed SMTP attempt: when to try again (doubling waits), or empty when the email has failed for good. */
record SendRetries(int maxAttempts, Duration firstBackoff) {

    /** Backoffs stop doubling here, so a large attempt count can't overflow. */
    private static final int MAX_DOUBLINGS = 16;

    Optional<Instant> nextAttempt(int failedAttempts, Instant now) {
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), MAX_DOUBLINGS);
        return Optional.of(now.plus(firstBackoff.multipliedBy(1L << doublings)));
    }
}
