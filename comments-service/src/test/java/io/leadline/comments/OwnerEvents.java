package io.leadline.comments;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.id.Ids;
import io.leadline.platform.testing.EventContracts;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * The owners' events as this service receives them: crm-core's and the gateway's contract fixtures (from their
 * event-contracts artifacts), re-homed to a test's organization and objects, sent through the in-memory channels.
 */
public final class OwnerEvents {

    public static final String OBJECTS = "objects-in";
    public static final String GATEWAY = "gateway-events-in";
    private static final Duration PROCESSED = Duration.ofSeconds(30);

    private final InMemoryConnector connector;
    private final Pool pool;

    public OwnerEvents(InMemoryConnector connector, Pool pool) {
        this.connector = connector;
        this.pool = pool;
    }

    /** A lead created in the organization; answers its id. */
    public String lead(TestOrganizations org) {
        String leadId = Ids.longId("lead");
        send(OBJECTS, event("lead.created", org, leadId, leadId));
        return leadId;
    }

    /** A child of a lead ({@code opportunity}, {@code contact}, {@code task.lead}) created; answers its id. */
    public String child(TestOrganizations org, String fixtureType, String prefix, String leadId) {
        String id = Ids.longId(prefix);
        send(OBJECTS, event(fixtureType, org, id, leadId));
        return id;
    }

    /** Sends {@code event} and waits until the service processed it. */
    public void send(String channel, ObjectNode event) {
        // the channels take whole polls (platform EventConsumers): the event travels as a poll of its own
        connector.<List<String>>source(channel).runOnVertxContext(true).send(List.of(event.toString()));
        String id = event.get("id").asText();
        await("event " + id + " processed").atMost(PROCESSED).until(() -> processed(id));
    }

    /** The fixture of {@code type} about {@code objectId} of the organization, with a fresh event id. */
    public static ObjectNode event(String type, TestOrganizations org, String objectId, String leadId) {
        ObjectNode event = EventContracts.example(type);
        event.put("id", Ids.shortId("ev"));
        event.put("organization_id", org.organizationId());
        event.put("object_id", objectId);
        event.put("lead_id", leadId);
        return event;
    }

    private boolean processed(String eventId) {
        return pool.preparedQuery("select count(*) from processed_event where event_id = $1")
                .execute(Tuple.of(eventId)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0) == 1;
    }
}
