package io.leadline.gateway.edge;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {

    @Test
    void theOrganizationsLimitCapsAllItsKeysTogether() {
        RateLimiter limiter = new RateLimiter(2, 2, 60_000);
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
    void aNewWindowStartsAfterTheOldOneEnds() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(1, 3, 50);
        assertTrue(limiter.acquire("api_a", "orga_1").allowed());
        RateDecision refused = limiter.acquire("api_a", "orga_1");
        assertFalse(refused.allowed());
        assertEquals("key", refused.limitType());
        assertEquals(1, refused.wholeSecondsToReset(), "the header never says reset=0");
        Thread.sleep(60);
        assertTrue(limiter.acquire("api_a", "orga_1").allowed());
    }
}
