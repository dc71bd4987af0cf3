package io.leadline.events.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.wire.RequestBody;

import java.util.List;

/**
 * A webhook body. Create needs {@code url} and {@code events}; update (PUT, partial) takes any of {@code url},
 * {@code events} (replaces the list), {@code status}, {@code verify_ssl}. Every {@code extra_filter} is read here,
 * so a bad tree is a 400 naming its node's path and nothing is written.
 */
final class WebhookInput {

    /** Subscription events in one subscription: Close does not say; a list this long is already unusual. */
    static final int MAX_EVENTS = 100;

    final RequestBody body;
    final String url;
    final ArrayNode events;
    final String status;
    final Boolean verifySsl;

    private WebhookInput(RequestBody body, boolean update) {
        this.body = body;
        this.url = update && !body.has("url") ? null : body.requiredNonBlank("url", RequestBody.MAX_LENGTH);
        this.events = update && !body.has("events") ? null : events(body);
        this.status = body.choice("status", List.of(Webhook.ACTIVE, Webhook.PAUSED));
        if (body.has("status") && body.isNull("status")) {
            body.fail("status", "This field may not be null.");
        }
        this.verifySsl = body.bool("verify_ssl");
        if (body.has("verify_ssl") && body.isNull("verify_ssl")) {
            body.fail("verify_ssl", "This field may not be null.");
        }
    }

    static WebhookInput forCreate(JsonNode json) {
        return new WebhookInput(RequestBody.of(json), false);
    }

    static WebhookInput forUpdate(JsonNode json) {
        return new WebhookInput(RequestBody.of(json), true);
    }

    /** The events as stored: {@code [{object_type, action, extra_filter}]} with a null filter where none was given. */
    private static ArrayNode events(RequestBody body) {
        ArrayNode given = body.array("events", MAX_EVENTS);
        if (given == null) {
            if (!body.errors().has("events")) {
                body.fail("events", RequestBody.REQUIRED);
            }
            return null;
        }
        if (given.isEmpty()) {
            body.fail("events", "Subscribe to at least one event.");
            return null;
        }
        ArrayNode events = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < given.size(); i++) {
            RequestBody event = body.nested("events", i, given.get(i));
            if (event == null) {
                continue;
            }
            String objectType = event.requiredNonBlank("object_type", RequestBody.NAME_LENGTH);
            String action = event.requiredNonBlank("action", RequestBody.NAME_LENGTH);
            JsonNode filter = given.get(i).get("extra_filter");
            ObjectNode stored = events.addObject();
            stored.put("object_type", objectType);
            stored.put("action", action);
            if (filter == null || filter.isNull()) {
                stored.putNull("extra_filter");
            } else {
                // storable text first (no NUL, bounded strings and arrays), then the tree's own rules
                if (event.value("extra_filter", RequestBody.MAX_LENGTH, RequestBody.MAX_ITEMS) != null) {
                    ExtraFilter.read(filter, "events." + i + ".extra_filter", body);
                }
                stored.set("extra_filter", filter);
            }
        }
        return events;
    }
}
