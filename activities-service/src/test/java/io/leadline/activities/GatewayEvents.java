package io.leadline.activities;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.id.Ids;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * The gateway's {@code group.*} events in the shape the gateway publishes them (an envelope whose {@code data} is the
 * group with its whole {@code members} list; a deletion has none), sent to this service's in-memory
 * {@code gateway-events-in} channel and waited for.
 */
public final class GatewayEvents {

    public static final String CHANNEL = "gateway-events-in";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InMemoryConnector connector;
    private final Pool pool;

    public GatewayEvents(InMemoryConnector connector, Pool pool) {
        this.connector = connector;
        this.pool = pool;
    }

    /** {@code group.<action>} of the organization's group with these members; returns once consumed. */
    public void group(String action, String organizationId, String groupId, String... members) {
        String eventId = Ids.shortId("ev");
        ObjectNode event = JSON.createObjectNode()
                .put("id", eventId)
                .put("organization_id", organizationId)
                .put("object_type", "group")
                .put("object_id", groupId)
                .putNull("lead_id")
                .put("action", action);
        if (action.equals("deleted")) {
            event.putNull("data");
        } else {
            ObjectNode data = event.putObject("data").put("id", groupId).put("name", "Team")
                    .put("organization_id", organizationId);
            ArrayNode list = data.putArray("members");
            for (String member : members) {
                list.addObject().put("user_id", member);
            }
        }
        connector.<List<String>>source(CHANNEL).runOnVertxContext(true).send(List.of(event.toString()));
        await("consumed group." + action).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> pool.preparedQuery("select count(*) from processed_event where event_id = $1")
                        .execute(Tuple.of(eventId)).await().indefinitely().iterator().next().getLong(0) == 1);
    }
}
