package io.leadline.events.webhook;

/** What one POST came to: the receiver's status (null when none answered), how long it took, what it said. */
record AttemptOutcome(Integer statusCode, long latencyMs, String responseExcerpt, String error) {

    boolean delivered() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
}
