package io.leadline.events.eventlog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.id.Ids;
import io.leadline.platform.testing.EventContracts;
import io.leadline.platform.wire.CloseDateTimes;

import java.time.Instant;
import java.util.Map;

/**
 * Events built from crm-core's {@code lead.created} fixture. It comes from crm-core's event-contracts artifact (test
 * scope), the same file crm-core's tests check its events against, so these tests break when crm-core changes it.
 */
public final class EventFixtures {

    static final ObjectMapper MAPPER = new ObjectMapper();
    // crm-core's contract for lead.created, as crm-core publishes it
    private static final ObjectNode LEAD_CREATED = EventContracts.example("lead.created");

    private EventFixtures() {
    }

    /**
     * crm-core's {@code lead.updated} contract re-homed: lead {@code leadId} changed by {@code userId} at {@code at},
     * its {@code changed} fields having held {@code previous} values before, and {@code data.name} now {@code name}.
     */
    public static ObjectNode leadUpdated(String organizationId, String leadId, String userId, Instant at, String name,
                                  Map<String, String> previous) {
        ObjectNode event = EventContracts.example("lead.updated").deepCopy();
        event.put("id", Ids.shortId("ev"));
        event.put("organization_id", organizationId);
        event.put("object_id", leadId);
        event.put("lead_id", leadId);
        event.put("user_id", userId);
        event.put("request_id", Ids.shortId("req"));
        event.put("date_created", CloseDateTimes.format(at));
        event.put("date_updated", CloseDateTimes.format(at));
        ArrayNode changed = event.putArray("changed_fields");
        ObjectNode before = event.putObject("previous_data");
        previous.forEach((field, value) -> {
            changed.add(field);
            before.put(field, value);
        });
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("id", leadId);
        data.put("organization_id", organizationId);
        data.put("name", name);
        return event;
    }

    static ObjectNode leadCreatedAsPublished() {
        return LEAD_CREATED.deepCopy();
    }

    /** The fixture re-homed: a fresh event id in {@code organizationId}, happening at {@code at}. */
    static ObjectNode leadCreated(String organizationId, Instant at) {
        ObjectNode event = leadCreatedAsPublished();
        event.put("id", Ids.shortId("ev"));
        event.put("organization_id", organizationId);
        event.put("date_created", CloseDateTimes.format(at));
        event.put("date_updated", CloseDateTimes.format(at));
        ((ObjectNode) event.get("data")).put("organization_id", organizationId);
        return event;
    }

    /** A copy describing another object/action/actor, for filter tests. */
    static ObjectNode with(ObjectNode event, String field, String value) {
        ObjectNode copy = event.deepCopy();
        copy.put(field, value);
        return copy;
    }

    static String newOrganization() {
        return Ids.longId("orga");
    }
}
