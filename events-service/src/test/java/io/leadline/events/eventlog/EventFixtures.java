package io.leadline.events.eventlog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.id.Ids;
import io.leadline.platform.testing.EventContracts;
import io.leadline.platform.wire.CloseDateTimes;

import java.time.Instant;

/**
 * Events built from crm-core's {@code lead.created} fixture. It comes from crm-core's event-contracts artifact (test
 * scope), the same file crm-core's tests check its events against, so these tests break when crm-core changes it.
 */
final class EventFixtures {

    static final ObjectMapper MAPPER = new ObjectMapper();
    // crm-core's contract for lead.created, as crm-core publishes it
    private static final ObjectNode LEAD_CREATED = EventContracts.example("lead.created");

    private EventFixtures() {
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
