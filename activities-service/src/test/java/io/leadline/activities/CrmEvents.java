package io.leadline.activities;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.id.Ids;
import io.leadline.platform.testing.EventContracts;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySource;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * crm-core's events as crm-core publishes them (its fixtures, from its event-contracts artifact), re-homed to a test's
 * organization and ids and sent to this service's in-memory {@code crm-core-events-in} channel. The channel handles
 * polls one after another, so waiting for one event's {@code processed_event} row waits for every earlier one.
 */
public final class CrmEvents {

    public static final String CHANNEL = "crm-core-events-in";
    private static final Duration PROCESSED = Duration.ofSeconds(30);

    private final InMemoryConnector connector;
    private final Pool pool;
    private final TestOrganizations org;

    public CrmEvents(InMemoryConnector connector, Pool pool, TestOrganizations org) {
        this.connector = connector;
        this.pool = pool;
        this.org = org;
    }

    /** A new lead with one contact, as crm-core announces it; answers [lead id, contact id] once it was consumed. */
    public String[] leadWithContact() {
        String leadId = Ids.longId("lead");
        String contactId = Ids.longId("cont");
        ObjectNode lead = event("lead.created", leadId, leadId);
        ObjectNode data = (ObjectNode) lead.get("data");
        ArrayNode contacts = (ArrayNode) data.get("contacts");
        ((ObjectNode) contacts.get(0)).put("id", contactId).put("lead_id", leadId);
        data.putArray("contact_ids").add(contactId);
        send(lead);
        ObjectNode contact = event("contact.created", contactId, leadId);
        ((ObjectNode) contact.get("data")).put("lead_id", leadId);
        send(contact);
        return new String[] {leadId, contactId};
    }

    /** The fixture of {@code type} about {@code objectId} of {@code leadId} in the test's organization. */
    public ObjectNode event(String type, String objectId, String leadId) {
        ObjectNode event = EventContracts.example(type);
        event.put("id", Ids.shortId("ev"));
        event.put("organization_id", org.organizationId());
        event.put("object_id", objectId);
        event.put("lead_id", leadId);
        event.put("user_id", org.userId());
        event.put("request_id", RelayedEvents.newRequestId());
        if (event.get("data") instanceof ObjectNode data) {
            data.put("id", objectId);
            data.put("organization_id", org.organizationId());
            if (data.has("lead_id")) {
                data.put("lead_id", leadId);
            }
        }
        if (event.get("previous_data") instanceof ObjectNode previous && previous.has("id")) {
            previous.put("id", objectId);
            previous.put("organization_id", org.organizationId());
            if (previous.has("lead_id")) {
                previous.put("lead_id", leadId);
            }
        }
        return event;
    }

    /** Sends the event and waits until it was consumed. */
    public void send(ObjectNode event) {
        source().send(List.of(event.toString()));
        String id = event.get("id").asText();
        await("consumed " + event.get("object_type").asText() + "." + event.get("action").asText())
                .atMost(PROCESSED).pollInterval(Duration.ofMillis(20)).until(() -> processed(id));
    }

    private boolean processed(String eventId) {
        return pool.preparedQuery("select count(*) from processed_event where event_id = $1")
                .execute(Tuple.of(eventId)).await().indefinitely().iterator().next().getLong(0) == 1;
    }

    /** The channel takes whole polls (platform EventConsumers): each event travels as a poll of its own. */
    private InMemorySource<List<String>> source() {
        return connector.<List<String>>source(CHANNEL).runOnVertxContext(true);
    }

    public static ObjectMapper mapper() {
        return new ObjectMapper();
    }
}
