package io.leadline.gateway.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failed authentication attempts per client address, in a fixed window that starts with an address's first failure.
 * Once an address has used up its failures, it is refused until the window ends, without the cost (a database query,
 * a hash) of checking what it presents. Bounded: at most {@code maxAddresses} windows are kept, so a flood of
 * addresses costs memory only up to that.
 */
public final class FailedAttempts {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private record Window(long startNanos, AtomicInteger failures) {
    }

    private final int maxFailures;
    private final long windowNanos;
    private final Ticker ticker;
    private final Cache<String, Window> windows;

    public FailedAttempts(int maxFailures, Duration window, int maxAddresses) {
        this(maxFailures, window, maxAddresses, Ticker.systemTicker());
    }

    /** {@code ticker} is a monotonic clock; tests pass one they move by hand. */
    FailedAttempts(int maxFailures, Duration window, int maxAddresses, Ticker ticker) {
        this.maxFailures = maxFailures;
        this.windowNanos = window.toNanos();
        this.ticker = ticker;
        // expiry counts from the window's creation: a failure updates the counter inside, not the entry
        this.windows = Caffeine.newBuilder()
                .maximumSize(maxAddresses)
                .expireAfterWrite(window)
                .ticker(ticker)
                .build();
    }

    /** 0 while the address may still try; else whole seconds (at least 1) until its window ends. */
    public long retryAfterSeconds(String address) {
        Window window = windows.getIfPresent(address);
        if (window == null || window.failures().get() < maxFailures) {
            return 0;
        }
        long left = window.startNanos() + windowNanos - ticker.read();
        return left <= 0 ? 0 : Math.max(1, (left + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
    }

    public void record(String address) {
        windows.get(address, ignored -> new Window(ticker.read(), new AtomicInteger())).failures().incrementAndGet();
    }
}
