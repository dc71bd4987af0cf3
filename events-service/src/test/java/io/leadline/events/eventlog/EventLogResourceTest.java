package io.leadline.events.eventlog;

import io.leadline.platform.testing.KafkaServiceTestProfile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.leadline.events.eventlog.EventFixtures.leadCreated;
import static io.leadline.events.eventlog.EventFixtures.newOrganization;
import static io.leadline.events.eventlog.EventFixtures.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@TestProfile(KafkaServiceTestProfile.class)
class EventLogResourceTest {

    private static final Instant BASE = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS);

    @Test
    void returnsAnEventExactlyAsItsProducerPublishedIt() throws Exception {
        ObjectNode published = EventFixtures.leadCreatedAsPublished();
        EventLogApi api = EventLogApi.admin(published.get("organization_id").asText());
        api.deliver(published);

        String body = api.get(published.get("id").asText()).then().statusCode(200).extract().asString();
        assertEquals(published, EventFixtures.MAPPER.readTree(body));
        // the form without the trailing slash is accepted too
        given().header("Authorization", "Bearer " + io.leadline.platform.testing.InternalTokens.mint(api.organizationId(), "user_x"))
                .get("/api/v1/event/" + published.get("id").asText())
                .then().statusCode(200).body("object_type", equalTo("lead"));
    }

    @Test
    void listsNewestFirstInTheEventLogEnvelope() {
        EventLogApi api = EventLogApi.admin(newOrganization());
        ObjectNode first = leadCreated(api.organizationId(), BASE);
        ObjectNode second = leadCreated(api.organizationId(), BASE.plusSeconds(60));
        ObjectNode third = leadCreated(api.organizationId(), BASE.plusSeconds(120));
        api.deliver(second, third, first);

        api.list(Map.of()).then().statusCode(200)
                .body("data.id", equalTo(List.of(id(third), id(second), id(first))))
                .body("$", not(hasKey("has_more")))
                .body("$", hasKey("cursor_next"))
                .body("$", hasKey("cursor_previous"))
                .body("cursor_next", nullValue())
                .body("cursor_previous", nullValue());
    }

    @Test
    void filtersByEveryAllowedField() {
        EventLogApi api = EventLogApi.admin(newOrganization());
        ObjectNode leadCreated = leadCreated(api.organizationId(), BASE);
        ObjectNode leadUpdated = with(with(leadCreated(api.organizationId(), BASE.plusSeconds(10)), "action", "updated"),
                "user_id", "user_other");
        ObjectNode contactCreated = with(with(with(leadCreated(api.organizationId(), BASE.plusSeconds(20)),
                "object_type", "contact"), "object_id", "cont_1"), "request_id", "req_contact");
        ObjectNode otherLead = with(with(leadCreated(api.organizationId(), BASE.plusSeconds(30)), "lead_id", "lead_other"),
                "object_id", "lead_other");
        api.deliver(leadCreated, leadUpdated, contactCreated, otherLead);
        String lead = leadCreated.get("lead_id").asText();
        String user = leadCreated.get("user_id").asText();

        assertIds(api, Map.of("lead_id", lead), contactCreated, leadUpdated, leadCreated);
        assertIds(api, Map.of("lead_id", lead, "object_type", "lead"), leadUpdated, leadCreated);
        assertIds(api, Map.of("lead_id", lead, "object_type", "lead", "action", "updated"), leadUpdated);
        assertIds(api, Map.of("object_type", "contact", "object_id", "cont_1"), contactCreated);
        assertIds(api, Map.of("object_type", "lead", "action", "created"), otherLead, leadCreated);
        assertIds(api, Map.of("object_id", lead, "action", "updated"), leadUpdated);
        assertIds(api, Map.of("user_id", "user_other"), leadUpdated);
        assertIds(api, Map.of("user_id", user, "object_type", "contact"), contactCreated);
        assertIds(api, Map.of("user_id", user, "object_id", lead), leadCreated);
        assertIds(api, Map.of("lead_id", lead, "user_id", "user_other"), leadUpdated);
        assertIds(api, Map.of("request_id", "req_contact"), contactCreated);
        // supersets of an allowed set: what clients send (object_id + object_type + action together)
        assertIds(api, Map.of("object_id", lead, "object_type", "lead", "action", "updated"), leadUpdated);
        assertIds(api, Map.of("object_id", "cont_1", "object_type", "contact", "action", "updated"));
        assertIds(api, Map.of("request_id", "req_contact", "lead_id", lead, "object_type", "contact"), contactCreated);
        assertIds(api, Map.of("date_updated__gte", iso(BASE.plusSeconds(20))), otherLead, contactCreated);
        assertIds(api, Map.of("date_updated__gt", iso(BASE.plusSeconds(20)), "date_updated__lte", iso(BASE.plusSeconds(30))),
                otherLead);
        assertIds(api, Map.of("lead_id", lead, "date_updated__lt", iso(BASE.plusSeconds(10))), leadCreated);
        // a bare date means its start (UTC)
        String tomorrow = BASE.plus(1, ChronoUnit.DAYS).toString().substring(0, 10);
        assertIds(api, Map.of("date_updated__gte", tomorrow));
    }

    @Test
    void refusesFilterCombinationsAndParametersCloseDoesNotSupport() {
        EventLogApi api = EventLogApi.admin(newOrganization());

        api.list(Map.of("object_type", "lead")).then().statusCode(400)
                .body("errors[0]", containsString("combination of filters"))
                .body("field-errors", notNullValue());
        api.list(Map.of("action", "created")).then().statusCode(400)
                .body("errors[0]", containsString("action"))
                .body("errors[0]", containsString("object_id+object_type"));
        api.list(Map.of("object_id", "lead_1")).then().statusCode(400);
        api.list(Map.of("lead_id", "lead_1", "date_updated__gte", "yesterday")).then().statusCode(400)
                .body("field-errors.date_updated__gte", notNullValue());
        api.list(Map.of("status", "x")).then().statusCode(400).body("field-errors.status", notNullValue());
        api.list(Map.of("lead_id__in", "a,b")).then().statusCode(400).body("field-errors.lead_id__in", notNullValue());
        api.list(Map.of("_skip", "10")).then().statusCode(400).body("field-errors._skip", containsString("_cursor"));
        api.list(Map.of("_limit", "51")).then().statusCode(400).body("field-errors._limit", containsString("50"));
        api.list(Map.of("_limit", "abc")).then().statusCode(400).body("field-errors._limit", notNullValue());
        api.list(Map.of("_cursor", "not-a-cursor")).then().statusCode(400).body("field-errors._cursor", equalTo("Invalid cursor."));
        api.list(Map.of("_cursor", "%%%")).then().statusCode(400).body("field-errors._cursor", equalTo("Invalid cursor."));
        api.list(Map.of("_limit", "50")).then().statusCode(200);
    }

    @Test
    void pagesThroughTheWholeLogWithCursorsAndBack() {
        EventLogApi api = EventLogApi.admin(newOrganization());
        List<ObjectNode> events = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            // pairs share a timestamp, so the id tiebreak is exercised at page borders
            events.add(leadCreated(api.organizationId(), BASE.plusSeconds(i / 2)));
        }
        api.deliver(events.toArray(ObjectNode[]::new));
        List<String> newestFirst = events.stream()
                .sorted((a, b) -> {
                    int byDate = b.get("date_updated").asText().compareTo(a.get("date_updated").asText());
                    return byDate != 0 ? byDate : id(b).compareTo(id(a));
                })
                .map(EventLogResourceTest::id).toList();

        List<String> seen = new ArrayList<>();
        List<String> previousCursors = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, String> params = new HashMap<>(Map.of("_limit", "25"));
            if (cursor != null) {
                params.put("_cursor", cursor);
            }
            JsonPath page = api.list(params).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("data.id"));
            previousCursors.add(page.getString("cursor_previous"));
            cursor = page.getString("cursor_next");
        } while (cursor != null);

        assertEquals(newestFirst, seen);
        assertEquals(5, previousCursors.size());
        assertEquals(null, previousCursors.get(0));

        // from the last page (items 100..119), cursor_previous returns the page before it, items 75..99
        api.list(Map.of("_limit", "25", "_cursor", previousCursors.get(4))).then().statusCode(200)
                .body("data.id", equalTo(newestFirst.subList(75, 100)))
                .body("cursor_next", notNullValue())
                .body("cursor_previous", notNullValue());
        // going back from the second page reaches the newest page, with no newer cursor left
        String backToStart = previousCursors.get(1);
        JsonPath newest = api.list(Map.of("_limit", "25", "_cursor", backToStart)).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(newestFirst.subList(0, 25), newest.getList("data.id"));
        assertEquals(null, newest.getString("cursor_previous"));
        api.list(Map.of("_limit", "25", "_cursor", newest.getString("cursor_next"))).then()
                .body("data.id", equalTo(newestFirst.subList(25, 50)));
    }

    @Test
    void storesARedeliveredEventOnce() {
        EventLogApi api = EventLogApi.admin(newOrganization());
        ObjectNode event = leadCreated(api.organizationId(), BASE);
        ObjectNode later = leadCreated(api.organizationId(), BASE.plusSeconds(1));
        api.deliver(event, event, later, event);
        api.awaitStored(id(later));

        api.list(Map.of()).then().statusCode(200).body("data.id", equalTo(List.of(id(later), id(event))));
    }

    @Test
    void anotherOrganizationSeesNothing() {
        EventLogApi owner = EventLogApi.admin(newOrganization());
        EventLogApi stranger = EventLogApi.admin(newOrganization());
        ObjectNode event = leadCreated(owner.organizationId(), BASE);
        owner.deliver(event);

        stranger.get(id(event)).then().statusCode(404).body("error", notNullValue());
        stranger.list(Map.of()).then().statusCode(200).body("data", equalTo(List.of()));
        stranger.list(Map.of("lead_id", event.get("lead_id").asText())).then().body("data", equalTo(List.of()));
        owner.get("ev_doesnotexist0000000000").then().statusCode(404);
    }

    @Test
    void aMalformedRecordDoesNotStopTheOnesAfterIt() {
        EventLogApi api = EventLogApi.admin(newOrganization());
        ObjectNode noOrganization = leadCreated(api.organizationId(), BASE);
        noOrganization.remove("organization_id");
        ObjectNode badDate = with(leadCreated(api.organizationId(), BASE), "date_updated", "last tuesday");
        ObjectNode unstorable = leadCreated(api.organizationId(), BASE);
        ((ObjectNode) unstorable.get("data")).put("name", "nul \u0000 byte"); // PostgreSQL jsonb refuses \u0000
        api.deliver("{not json", "[1,2]", noOrganization.toString(), badDate.toString(), unstorable.toString());
        ObjectNode good = leadCreated(api.organizationId(), BASE.plusSeconds(5));
        api.deliver(good);

        api.list(Map.of()).then().statusCode(200).body("data.id", equalTo(List.of(id(good))));
    }

    @Test
    void honoursFieldSelection() {
        EventLogApi api = EventLogApi.admin(newOrganization());
        ObjectNode event = leadCreated(api.organizationId(), BASE);
        api.deliver(event);

        api.list(Map.of("_fields", "id,action")).then().statusCode(200)
                .body("data[0]", equalTo(Map.of("id", id(event), "action", "created")));
        given().header("Authorization", "Bearer " + io.leadline.platform.testing.InternalTokens.mint(api.organizationId(), "u"))
                .queryParam("_fields", "object_id")
                .get("/api/v1/event/" + id(event) + "/")
                .then().statusCode(200).body("$", equalTo(Map.of("object_id", event.get("object_id").asText())));
    }

    @Test
    void hidesObjectSnapshotsOfOldEventsFromNonAdmins() {
        String organization = newOrganization();
        EventLogApi admin = EventLogApi.admin(organization);
        EventLogApi member = new EventLogApi(organization, "user");
        ObjectNode old = leadCreated(organization, Instant.now().minus(2, ChronoUnit.HOURS));
        ObjectNode recent = leadCreated(organization, Instant.now().minus(5, ChronoUnit.MINUTES));
        admin.deliver(old, recent);

        member.get(id(old)).then().statusCode(200).body("$", not(hasKey("data"))).body("$", not(hasKey("previous_data")))
                .body("object_id", equalTo(old.get("object_id").asText()));
        String name = old.at("/data/name").asText();
        member.get(id(recent)).then().statusCode(200).body("data.name", equalTo(name));
        admin.get(id(old)).then().statusCode(200).body("data.name", equalTo(name));
        member.list(Map.of()).then().body("data[1]", not(hasKey("data"))).body("data[0].data.name", notNullValue());
    }

    private static void assertIds(EventLogApi api, Map<String, String> filters, ObjectNode... expected) {
        List<String> ids = IntStream.range(0, expected.length).mapToObj(i -> id(expected[i])).toList();
        api.list(filters).then().statusCode(200).body("data.id", equalTo(ids));
    }

    private static String id(JsonNode event) {
        return event.get("id").asText();
    }

    private static String iso(Instant instant) {
        return io.leadline.platform.wire.CloseDateTimes.format(instant);
    }
}
