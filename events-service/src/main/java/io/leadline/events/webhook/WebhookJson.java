package io.leadline.events.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.wire.CloseDateTimes;

/** Close's wire form of a webhook subscription; {@code signature_key} only where the create response adds it. */
final class WebhookJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private WebhookJson() {
    }

    static ObjectNode toJson(Webhook webhook) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("id", webhook.id);
        json.put("url", webhook.url);
        json.set("events", webhook.eventsJson());
        json.put("status", webhook.status);
        json.put("verify_ssl", webhook.verifySsl);
        json.put("organization_id", webhook.organizationId);
        json.put("created_by", webhook.createdBy);
        json.put("updated_by", webhook.updatedBy);
        json.put("date_created", CloseDateTimes.format(webhook.dateCreated));
        json.put("date_updated", CloseDateTimes.format(webhook.dateUpdated));
        return json;
    }

    /** The create response: the subscription plus its signing key, which no later read repeats. */
    static ObjectNode created(Webhook webhook) {
        ObjectNode json = toJson(webhook);
        json.put("signature_key", webhook.signatureKey);
        return json;
    }

    static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored webhook JSON is not JSON", e);
        }
    }
}
