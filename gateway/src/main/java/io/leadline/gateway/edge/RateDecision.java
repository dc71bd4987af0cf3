package io.leadline.gateway.edge;

import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The outcome of counting one request, and how Close tells it to clients. */
public record RateDecision(boolean allowed, int limit, int remaining, long resetMillis, long windowMillis,
                           String limitType) {

    public static final String KEY = "key";
    public static final String ORGANIZATION = "organization";

    static RateDecision allowed(int limit, int remaining, long resetMillis, long windowMillis) {
        return new RateDecision(true, limit, Math.max(0, remaining), resetMillis, windowMillis, null);
    }

    static RateDecision refused(int limit, long resetMillis, long windowMillis, String limitType) {
        return new RateDecision(false, limit, 0, resetMillis, windowMillis, limitType);
    }

    /**
     * {@code limit=N, remaining=N, reset=S}. S is whole seconds rounded up and at least 1: the official client reads
     * it with {@code reset=(\d+)}, and "0" would make it retry at once, into the same closed window.
     */
    public String header() {
        return "limit=" + limit + ", remaining=" + remaining + ", reset=" + wholeSecondsToReset();
    }

    public long wholeSecondsToReset() {
        return Math.max(1, (resetMillis + 999) / 1000);
    }

    /** Close's legacy 429 body, still parsed by clients. */
    public JsonObject legacyBody() {
        return new JsonObject().put("error", new JsonObject()
                .put("message", "API call count exceeded for this period")
                .put("rate_reset", seconds(resetMillis))
                .put("rate_limit", limit)
                .put("rate_window", seconds(windowMillis))
                .put("rate_limit_type", limitType));
    }

    private static double seconds(long millis) {
        return BigDecimal.valueOf(Math.max(0, millis)).movePointLeft(3).setScale(3, RoundingMode.HALF_UP).doubleValue();
    }
}
