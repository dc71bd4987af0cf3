package io.leadline.gateway.edge;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {

    /** Time that moves only when the test says so. */
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private RateLimiter limiter(int keyLimit, int organizationMultiplier, Duration window) {
        return new RateLimiter(keyLimit, organizationMultiplier, window.toMillis(), nanos::get);
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Test
    void theOrganizationsLimitCapsAllItsKeysTogether() {
        RateLimiter limiter = limiter(2, 2, Duration.ofMinutes(1));
        assertTrue(limiter.acquire("api_a", "orga_1").allowed());
        assertTrue(limiter.acquire("api_a", "orga_1").allowed());
        assertTrue(limiter.acquire("api_b", "orga_1").allowed());
        RateDecision fourth = limiter.acquire("api_b", "orga_1");
        assertTrue(fourth.allowed());
        assertEquals(0, fourth.remaining());

        RateDecision refused = limiter.acquire("api_c", "orga_1");
        assertFalse(refused.allowed());
        assertEquals("organization", refused.limitType());
        assertEquals(4, refused.limit());

        assertTrue(limiter.acquire("api_d", "orga_2").allowed(), "other organizations are not affected");
    }

    @Test
    void aNewWindowStartsAfterTheOldOneEnds() {
        RateLimiter limiter = limiter(1, 3, Duration.ofMillis(50));
        assertTrue(limiter.acquire("api_a", "orga_1").allowed());
        RateDecision refused = limiter.acquire("api_a", "orga_1");
        assertFalse(refused.allowed());
        assertEquals("key", refused.limitType());
        assertEquals(1, refused.wholeSecondsToReset(), "the header never says reset=0");

        advance(Duration.ofMillis(49));
        assertFalse(limiter.acquire("api_a", "orga_1").allowed(), "the window is not over before its end");
        advance(Duration.ofMillis(1));
        assertTrue(limiter.acquire("api_a", "orga_1").allowed());
    }

    @Test
    void theResetCountsDownWithinTheWindow() {
        RateLimiter limiter = limiter(1, 3, Duration.ofSeconds(10));
        limiter.acquire("api_a", "orga_1");
        advance(Duration.ofMillis(7_500));
        RateDecision refused = limiter.acquire("api_a", "orga_1");
        assertEquals(2_500, refused.resetMillis());
        assertEquals(3, refused.wholeSecondsToReset(), "rounded up");
    }
}
