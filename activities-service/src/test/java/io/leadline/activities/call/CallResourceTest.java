package io.leadline.activities.call;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.activities.CrmEvents;
import io.leadline.activities.Database;
import io.leadline.activities.RelayedEvents;
import io.leadline.activities.TestOrganizations;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class CallResourceTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    Pool pool;

    @Inject
    Database database;

    @Test
    void logsACallWithDefaultsAndNormalisedNumbersThenUpdatesAndDeletesIt() {
        TestOrganizations org = TestOrganizations.fresh();
        String[] lead = new CrmEvents(connector, pool, org).leadWithContact();

        String create = RelayedEvents.newRequestId();
        String id = org.request().header("X-Request-Id", create)
                .body("{\"lead_id\": \"" + lead[0] + "\", \"contact_id\": \"" + lead[1] + "\", \"direction\": \"outbound\","
                        + " \"phone\": \"(415) 555-1234\", \"local_phone\": \"+44 20 7946 0958\", \"duration\": 185,"
                        + " \"recording_url\": \"https://recordings.example/call.mp3\", \"note\": \"Agreed on a demo\"}")
                .post("/api/v1/activity/call/").then().statusCode(200)
                .body("id", matchesPattern("acti_[0-9A-Za-z]{43}"))
                .body("_type", equalTo("Call"))
                .body("status", equalTo("completed"))
                .body("source", equalTo("External"))
                .body("direction", equalTo("outbound"))
                .body("disposition", nullValue())
                .body("duration", equalTo(185))
                .body("phone", equalTo("+14155551234"))
                .body("phone_formatted", equalTo("+1 415-555-1234"))
                .body("remote_phone", equalTo("+14155551234"))
                .body("remote_country_iso", equalTo("US"))
                .body("local_phone", equalTo("+442079460958"))
                .body("local_phone_formatted", equalTo("+44 20 7946 0958"))
                .body("local_country_iso", equalTo("GB"))
                .body("recording_url", equalTo("https://recordings.example/call.mp3"))
                .body("note", equalTo("Agreed on a demo"))
                .body("note_html", equalTo("<body>Agreed on a demo</body>"))
                .body("contact_id", equalTo(lead[1]))
                .extract().path("id");
        JsonNode created = RelayedEvents.ofRequest(connector, create, 1).get(0);
        RelayedEvents.assertMatchesContract(created);
        assertEquals("activity.call", created.get("object_type").asText());

        org.request().get("/api/v1/activity/call/" + id + "/").then().statusCode(200).body("duration", equalTo(185));

        String update = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", update)
                .body("{\"status\": \"no-answer\", \"disposition\": \"vm-left\", \"outcome_id\": \"outcome_x\","
                        + " \"voicemail_url\": \"https://recordings.example/vm.mp3\", \"note_html\": \"<p>Left a <i>voicemail</i></p>\"}")
                .put("/api/v1/activity/call/" + id + "/").then().statusCode(200)
                .body("status", equalTo("no-answer"))
                .body("disposition", equalTo("vm-left"))
                .body("outcome_id", equalTo("outcome_x"))
                .body("voicemail_url", equalTo("https://recordings.example/vm.mp3"))
                .body("note", equalTo("Left a voicemail"))
                .body("phone", equalTo("+14155551234"));
        RelayedEvents.assertMatchesContract(RelayedEvents.ofRequest(connector, update, 1).get(0));

        String delete = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", delete).delete("/api/v1/activity/call/" + id + "/").then().statusCode(200);
        RelayedEvents.assertMatchesContract(RelayedEvents.ofRequest(connector, delete, 1).get(0));
        org.request().get("/api/v1/activity/call/" + id + "/").then().statusCode(404);
    }

    @Test
    void refusesUnknownEnumsInsecureUrlsAndBadNumbersAndWritesNothing() {
        TestOrganizations org = TestOrganizations.fresh();
        String lead = new CrmEvents(connector, pool, org).leadWithContact()[0];
        String id = org.request().body("{\"lead_id\": \"" + lead + "\"}").post("/api/v1/activity/call/").then()
                .statusCode(200).body("duration", equalTo(0)).extract().path("id");
        long writes = database.writesOf(org.organizationId());

        org.request().body("{\"lead_id\": \"" + lead + "\", \"direction\": \"sideways\", \"status\": \"done\","
                        + " \"disposition\": \"maybe\", \"source\": \"Skype\", \"duration\": -1,"
                        + " \"recording_url\": \"http://insecure.example/a.mp3\", \"voicemail_url\": \"ftp://x\","
                        + " \"phone\": \"call me\", \"remote_phone\": \"12\"}")
                .post("/api/v1/activity/call/").then().statusCode(400)
                .body("'field-errors'", hasKey("direction"))
                .body("'field-errors'", hasKey("status"))
                .body("'field-errors'", hasKey("disposition"))
                .body("'field-errors'", hasKey("source"))
                .body("'field-errors'", hasKey("duration"))
                .body("'field-errors'", hasKey("recording_url"))
                .body("'field-errors'", hasKey("voicemail_url"))
                .body("'field-errors'", hasKey("phone"))
                .body("'field-errors'", hasKey("remote_phone"));
        org.request().body("{\"status\": null}").put("/api/v1/activity/call/" + id + "/").then().statusCode(400)
                .body("'field-errors'", hasKey("status"));
        org.request().body("{\"duration\": 1.5}").put("/api/v1/activity/call/" + id + "/").then().statusCode(400)
                .body("'field-errors'", hasKey("duration"));
        // a call is no note: the other type's id is not found here
        String note = org.request().body("{\"lead_id\": \"" + lead + "\"}").post("/api/v1/activity/note/").then()
                .statusCode(200).extract().path("id");
        writes += 2;
        org.request().get("/api/v1/activity/call/" + note + "/").then().statusCode(404);
        org.request().body("{\"status\": \"busy\"}").put("/api/v1/activity/call/" + note + "/").then().statusCode(404);
        org.request().delete("/api/v1/activity/call/" + note + "/").then().statusCode(404);

        assertEquals(writes, database.writesOf(org.organizationId()));
        org.request().queryParam("lead_id", lead).get("/api/v1/activity/call/").then().statusCode(200)
                .body("data.id", contains(id));
    }

    @Test
    void anotherOrganizationsCallIsNotFound() {
        TestOrganizations owner = TestOrganizations.fresh();
        String lead = new CrmEvents(connector, pool, owner).leadWithContact()[0];
        String id = owner.request().body("{\"lead_id\": \"" + lead + "\"}").post("/api/v1/activity/call/").then()
                .statusCode(200).extract().path("id");
        TestOrganizations stranger = TestOrganizations.fresh();

        stranger.request().get("/api/v1/activity/call/" + id + "/").then().statusCode(404);
        stranger.request().body("{\"status\": \"busy\"}").put("/api/v1/activity/call/" + id + "/").then().statusCode(404);
        stranger.request().delete("/api/v1/activity/call/" + id + "/").then().statusCode(404);
        stranger.request().queryParam("lead_id", lead).get("/api/v1/activity/call/").then().body("data", empty());
        owner.request().get("/api/v1/activity/call/" + id + "/").then().statusCode(200).body("status", equalTo("completed"));
    }
}
