package io.leadline.gateway.oauth;

import io.vertx.core.json.JsonObject;

/**
 * What a token transaction decided. A refusal is returned rather than thrown inside the transaction, so what it
 * wrote on the way (a reused code or refresh token revokes its grant) is committed before the client hears "no".
 */
record Outcome(JsonObject tokens, OAuthException refusal) {

    static Outcome of(JsonObject tokens) {
        return new Outcome(tokens, null);
    }

    static Outcome refused(OAuthException refusal) {
        return new Outcome(null, refusal);
    }

    JsonObject orThrow() {
        if (refusal != null) {
            throw refusal;
        }
        return tokens;
    }
}
