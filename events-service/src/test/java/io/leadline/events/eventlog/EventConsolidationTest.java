package io.leadline.events.eventlog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.id.Ids;
import io.leadline.platform.testing.KafkaServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.leadline.events.eventlog.EventFixtures.leadCreated;
import static io.leadline.events.eventlog.EventFixtures.leadUpdated;
import static io.leadline.events.eventlog.EventFixtures.newOrganization;
import static io.leadline.events.eventlog.EventFixtures.with;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Consolidation (NOTES §7) through the real broker and database: rapid updates of one object by one user become one
 * event, folded both within one poll and onto the stored event; redeliveries fold nothing twice; the rest stays apart.
 * The window is the default 5 s, measured on the events' own times.
 */
@QuarkusTest
@TestProfile(KafkaServiceTestProfile.class)
class EventConsolidationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Pool pool;

    @Inject
    EventRetention retention;

    // a new organization and lead for each test (JUnit makes an instance per test)
    private final String organization = newOrganization();
    private final EventLogApi api = EventLogApi.admin(organization);
    private final String lead = Ids.longId("lead");

    @Test
    void rapidUpdatesOfOneObjectBecomeOneEventWithTheFirstPreviousValuesAndTheLastData() {
        Instant at = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MICROS);
        ObjectNode created = with(with(leadCreated(organization, at), "object_id", lead), "lead_id", lead);
        ObjectNode first = leadUpdated(organization, lead, "user_editor", at.plusSeconds(1), "B", fields("name", "A"));
        // stored on its own first: the next two fold onto the stored event, the third also onto the second in its poll
        api.deliver(created, first);
        ObjectNode second = leadUpdated(organization, lead, "user_editor", at.plusSeconds(2), "C",
                fields("name", "B", "description", "Old"));
        ObjectNode third = leadUpdated(organization, lead, "user_editor", at.plusSeconds(3), "C",
                fields("status_label", "Potential", "description", "Newer"));
        api.deliver(second, third);

        JsonPath updates = api.list(Map.of("object_id", lead, "action", "updated")).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(id(first)), updates.getList("data.id"));
        assertEquals(first.get("date_created").asText(), updates.getString("data[0].date_created"));
        assertEquals(third.get("date_updated").asText(), updates.getString("data[0].date_updated"));
        assertEquals(List.of("name", "description", "status_label"), updates.getList("data[0].changed_fields"));
        assertEquals(Map.of("name", "A", "description", "Old", "status_label", "Potential"),
                updates.getMap("data[0].previous_data"));
        assertEquals("C", updates.getString("data[0].data.name"));
        // the created event stays apart; a folded-in id still finds the event that holds it
        api.list(Map.of("object_id", lead, "object_type", "lead")).then()
                .body("data.id", equalTo(List.of(id(first), id(created))));
        api.get(id(third)).then().statusCode(200).body("id", equalTo(id(first)));

        // Kafka redelivers the second update: nothing is folded twice (a marker behind it on its partition shows
        // the poll was stored)
        ObjectNode marker = with(leadCreated(organization, at.plusSeconds(4)), "object_id", Ids.longId("lead"));
        EventLogApi.publish(EventLogApi.TOPIC, lead, second.toString(), with(marker, "lead_id", lead).toString());
        api.awaitStored(id(marker));
        api.list(Map.of("object_id", lead, "action", "updated")).then()
                .body("data.id", equalTo(List.of(id(first))))
                .body("data[0].changed_fields", equalTo(List.of("name", "description", "status_label")))
                .body("data[0].data.name", equalTo("C"));

        // retention takes the folded-in ids with their event
        pool.preparedQuery("update event set date_created = now() - interval '40 days' where id = $1")
                .execute(Tuple.of(id(first))).await().atMost(WAIT);
        retention.purge().await().atMost(WAIT);
        api.get(id(third)).then().statusCode(404);
        assertEquals(0L, pool.preparedQuery("select count(*) from event_merge where into_id = $1")
                .execute(Tuple.of(id(first))).await().atMost(WAIT).iterator().next().getLong(0));
    }

    @Test
    void updatesOutsideTheWindowOrByAnotherUserStayApartOneRequestsUpdatesFoldAnyway() {
        Instant at = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS);
        ObjectNode first = leadUpdated(organization, lead, "user_a", at, "B", fields("name", "A"));
        ObjectNode afterTheWindow = leadUpdated(organization, lead, "user_a", at.plusSeconds(10), "C", fields("name", "B"));
        ObjectNode otherUser = leadUpdated(organization, lead, "user_b", at.plusSeconds(11), "D", fields("name", "C"));
        // the same request as the one before, long after the window: one request's changes are one event
        ObjectNode sameRequest = with(leadUpdated(organization, lead, "user_b", at.plusSeconds(30), "E",
                fields("url", "https://old.example")), "request_id", otherUser.get("request_id").asText());
        api.deliver(first, afterTheWindow, otherUser, sameRequest);

        api.list(Map.of("object_id", lead, "action", "updated")).then().statusCode(200)
                .body("data.id", equalTo(List.of(id(otherUser), id(afterTheWindow), id(first))))
                .body("data[0].changed_fields", equalTo(List.of("name", "url")))
                .body("data[0].date_updated", equalTo(sameRequest.get("date_updated").asText()))
                .body("data[0].data.name", equalTo("E"));

        // the privacy rule counts from the first change: two hours old, so members see no snapshots
        EventLogApi member = new EventLogApi(organization, "user");
        member.get(id(otherUser)).then().statusCode(200)
                .body("$", not(hasKey("data"))).body("$", not(hasKey("previous_data")))
                .body("changed_fields", equalTo(List.of("name", "url")));
        api.get(id(otherUser)).then().body("previous_data.name", equalTo("C"));
    }

    private static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    private static String id(ObjectNode event) {
        return event.get("id").asText();
    }
}
