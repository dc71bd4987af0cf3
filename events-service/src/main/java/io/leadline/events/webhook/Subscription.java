package io.leadline.events.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.leadline.events.eventlog.StoredEvent;
import io.leadline.platform.wire.RequestBody;

import java.util.ArrayList;
import java.util.List;

/** An active subscription as matching needs it: its events with their filters parsed once. */
record Subscription(String id, String organizationId, List<Rule> rules) {

    record Rule(String objectType, String action, ExtraFilter filter) {
    }

    boolean matches(StoredEvent event) {
        for (Rule rule : rules) {
            if (rule.objectType().equals(event.objectType()) && rule.action().equals(event.action())
                    && rule.filter().test(event.json())) {
                return true;
            }
        }
        return false;
    }

    /** From the stored {@code events} column, which was validated when written. */
    static Subscription of(String id, String organizationId, JsonNode events) {
        List<Rule> rules = new ArrayList<>();
        for (JsonNode event : events) {
            JsonNode filterJson = event.get("extra_filter");
            ExtraFilter filter = new ExtraFilter.Always();
            if (filterJson != null && !filterJson.isNull()) {
                RequestBody scratch = RequestBody.of(JsonNodeFactory.instance.objectNode());
                filter = ExtraFilter.read(filterJson, "extra_filter", scratch);
                if (filter == null) {
                    throw new IllegalStateException("Stored extra_filter of " + id + " no longer reads");
                }
            }
            rules.add(new Rule(event.path("object_type").asText(), event.path("action").asText(), filter));
        }
        return new Subscription(id, organizationId, List.copyOf(rules));
    }
}
