package io.leadline.events.webhook;

import java.time.Instant;

/** A delivery the worker claimed: where it goes, how it is signed, and the event it carries (its stored JSON). */
record DueDelivery(String id, String webhookId, String organizationId, String eventId, int attempt,
                   Instant dateCreated, String url, boolean verifySsl, String signatureKey, String eventJson) {

    /** Close's body: the event as the event log holds it and the subscription's id. */
    String body() {
        return "{\"event\":" + eventJson + ",\"subscription_id\":\"" + webhookId + "\"}";
    }
}
