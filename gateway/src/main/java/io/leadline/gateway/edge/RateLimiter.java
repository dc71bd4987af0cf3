package io.leadline.gateway.edge;

import io.leadline.gateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Close's limits (NOTES §4): a fixed window per API key and per organization, the organization's limit being a
 * multiple of the key's. Counts live in this replica's memory: with N gateway replicas behind a load balancer the
 * effective limit is up to N times higher; a shared store (Redis) would fix that once it matters.
 * The maps only ever hold authenticated keys and their organizations, so they stay as small as the key table.
 */
@ApplicationScoped
public class RateLimiter {

    // a window's state in one atomic long: start time (ms since the limiter's epoch) in the high bits, count in the low
    private static final int COUNT_BITS = 23;
    private static final long COUNT_MASK = (1L << COUNT_BITS) - 1;

    private final LongSupplier nanoClock;
    private final long epochNanos;
    private final ConcurrentHashMap<String, AtomicLong> keyWindows = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AtomicLong> organizationWindows = new ConcurrentHashMap<>();

    private final int keyLimit;
    private final int organizationLimit;
    private final long windowMillis;

    @Inject
    public RateLimiter(GatewayConfig config) {
        this(config.rateLimit().keyLimit(), config.rateLimit().organizationMultiplier(),
                config.rateLimit().window().toMillis(), System::nanoTime);
    }

    /** {@code nanoClock} is a monotonic clock like {@link System#nanoTime()}; tests pass one they move by hand. */
    RateLimiter(int keyLimit, int organizationMultiplier, long windowMillis, LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.epochNanos = nanoClock.getAsLong();
        this.keyLimit = keyLimit;
        this.organizationLimit = keyLimit * organizationMultiplier;
        this.windowMillis = Math.max(1, windowMillis);
    }

    /** Counts one request of the principal against both windows. */
    public RateDecision acquire(String apiKeyId, String organizationId) {
        long now = nowMillis();
        Count key = count(keyWindows.computeIfAbsent(apiKeyId, id -> new AtomicLong()), now);
        if (key.used() > keyLimit) {
            return RateDecision.refused(keyLimit, key.resetMillis(), windowMillis, RateDecision.KEY);
        }
        Count organization = count(organizationWindows.computeIfAbsent(organizationId, id -> new AtomicLong()), now);
        if (organization.used() > organizationLimit) {
            return RateDecision.refused(organizationLimit, organization.resetMillis(), windowMillis,
                    RateDecision.ORGANIZATION);
        }
        // report whichever bucket runs out first, which is what a client pacing itself needs to know
        int keyRemaining = keyLimit - key.used();
        int organizationRemaining = organizationLimit - organization.used();
        return keyRemaining <= organizationRemaining
                ? RateDecision.allowed(keyLimit, keyRemaining, key.resetMillis(), windowMillis)
                : RateDecision.allowed(organizationLimit, organizationRemaining, organization.resetMillis(), windowMillis);
    }

    private record Count(int used, long resetMillis) {
    }

    private Count count(AtomicLong window, long now) {
        while (true) {
            long state = window.get();
            long start = state >>> COUNT_BITS;
            long used = state & COUNT_MASK;
            long next;
            if (state == 0 || now - start >= windowMillis) {
                start = now;
                used = 1;
                next = (now << COUNT_BITS) | 1;
            } else {
                used = Math.min(used + 1, COUNT_MASK);
                next = (start << COUNT_BITS) | used;
            }
            if (window.compareAndSet(state, next)) {
                return new Count((int) used, start + windowMillis - now);
            }
        }
    }

    private long nowMillis() {
        // +1 so that no live window has start 0, which marks a fresh, never used one
        return (nanoClock.getAsLong() - epochNanos) / 1_000_000 + 1;
    }
}
