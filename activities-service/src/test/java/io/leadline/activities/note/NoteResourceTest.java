package io.leadline.activities.note;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.activities.CrmEvents;
import io.leadline.activities.Database;
import io.leadline.activities.RelayedEvents;
import io.leadline.activities.TestOrganizations;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class NoteResourceTest {

    static final String DATETIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00";

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    Pool pool;

    @Inject
    Database database;

    @Test
    void createsReadsUpdatesAndDeletesANoteWithItsEvents() {
        TestOrganizations org = TestOrganizations.fresh();
        String[] lead = new CrmEvents(connector, pool, org).leadWithContact();

        String create = RelayedEvents.newRequestId();
        JsonPath created = org.request().header("X-Request-Id", create)
                .body("{\"lead_id\": \"" + lead[0] + "\", \"contact_id\": \"" + lead[1] + "\", \"note\": \"Called <Bob>\\nhe & I agreed\", \"title\": \"Call notes\"}")
                .post("/api/v1/activity/note/").then().statusCode(200)
                .body("id", matchesPattern("acti_[0-9A-Za-z]{43}"))
                .body("_type", equalTo("Note"))
                .body("organization_id", equalTo(org.organizationId()))
                .body("lead_id", equalTo(lead[0]))
                .body("contact_id", equalTo(lead[1]))
                .body("user_id", equalTo(org.userId()))
                .body("user_name", equalTo("Ada Admin"))
                .body("users", contains(org.userId()))
                .body("created_by", equalTo(org.userId()))
                .body("created_by_name", equalTo("Ada Admin"))
                .body("updated_by", equalTo(org.userId()))
                .body("date_created", matchesPattern(DATETIME))
                .body("activity_at", matchesPattern(DATETIME))
                .body("note", equalTo("Called <Bob>\nhe & I agreed"))
                .body("note_html", equalTo("<body>Called &lt;Bob&gt;<br />he &amp; I agreed</body>"))
                .body("title", equalTo("Call notes"))
                .body("pinned", equalTo(false))
                .body("pinned_at", nullValue())
                .body("attachments", empty())
                .extract().jsonPath();
        String id = created.getString("id");
        assertEquals(created.getString("date_created"), created.getString("activity_at"));
        JsonNode createdEvent = RelayedEvents.ofRequest(connector, create, 1).get(0);
        RelayedEvents.assertMatchesContract(createdEvent);
        assertEquals("activity.note", createdEvent.get("object_type").asText());
        assertEquals(lead[0], createdEvent.get("lead_id").asText());
        assertEquals(id, createdEvent.at("/data/id").asText());

        org.request().get("/api/v1/activity/note/" + id + "/").then().statusCode(200)
                .body("note", equalTo("Called <Bob>\nhe & I agreed")).body("title", equalTo("Call notes"));
        org.request().queryParam("_fields", "id,note").get("/api/v1/activity/note/" + id + "/").then().statusCode(200)
                .body("$", aMapWithSize(2));

        String update = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", update)
                .body("{\"note_html\": \"<body><p>Signed <b>today</b></p></body>\", \"pinned\": true, \"activity_at\": \"2024-05-01T10:00:00+00:00\"}")
                .put("/api/v1/activity/note/" + id + "/").then().statusCode(200)
                .body("note_html", equalTo("<body><p>Signed <b>today</b></p></body>"))
                .body("note", equalTo("Signed today"))
                .body("pinned", equalTo(true))
                .body("pinned_at", matchesPattern(DATETIME))
                .body("title", equalTo("Call notes"))
                .body("contact_id", equalTo(lead[1]))
                .body("activity_at", equalTo("2024-05-01T10:00:00.000000+00:00"));
        JsonNode updated = RelayedEvents.ofRequest(connector, update, 1).get(0);
        RelayedEvents.assertMatchesContract(updated);
        assertTrue(updated.toString().contains("\"changed_fields\":[\"activity_at\",\"date_updated\",\"note\",\"note_html\",\"pinned\",\"pinned_at\"]"),
                updated.toString());
        org.request().get("/api/v1/activity/note/" + id + "/").then().body("pinned", equalTo(true))
                .body("note", equalTo("Signed today"));

        String delete = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", delete).delete("/api/v1/activity/note/" + id + "/").then().statusCode(200)
                .body("$", aMapWithSize(0));
        JsonNode deleted = RelayedEvents.ofRequest(connector, delete, 1).get(0);
        RelayedEvents.assertMatchesContract(deleted);
        assertEquals("Signed today", deleted.at("/previous_data/note").asText());
        org.request().get("/api/v1/activity/note/" + id + "/").then().statusCode(404);
        org.request().get("/api/v1/activity/note/").then().statusCode(200).body("data", empty());
    }

    @Test
    void listsTheNotesOfALead() {
        TestOrganizations org = TestOrganizations.fresh();
        CrmEvents crm = new CrmEvents(connector, pool, org);
        String lead = crm.leadWithContact()[0];
        String other = crm.leadWithContact()[0];
        for (String text : List.of("one", "two", "three")) {
            org.request().body("{\"lead_id\": \"" + lead + "\", \"note\": \"" + text + "\"}").post("/api/v1/activity/note/")
                    .then().statusCode(200);
        }
        org.request().body("{\"lead_id\": \"" + other + "\", \"note\": \"elsewhere\"}").post("/api/v1/activity/note/")
                .then().statusCode(200);

        org.request().queryParam("lead_id", lead).get("/api/v1/activity/note/").then().statusCode(200)
                .body("data.note", contains("three", "two", "one")).body("has_more", equalTo(false));
        org.request().queryParam("lead_id", lead).queryParam("_limit", 2).queryParam("_fields", "note")
                .get("/api/v1/activity/note/").then().statusCode(200)
                .body("data.note", contains("three", "two")).body("data[0]", aMapWithSize(1))
                .body("has_more", equalTo(true));
        org.request().get("/api/v1/activity/note/").then().statusCode(200).body("data", hasSize(4));
        org.request().queryParam("lead_id", lead).queryParam("_order_by", "activity_at")
                .get("/api/v1/activity/note/").then().statusCode(200).body("data.note", contains("one", "two", "three"));
        org.request().queryParam("color", "red").get("/api/v1/activity/note/").then().statusCode(400)
                .body("'field-errors'", hasKey("color"));
        TestOrganizations.fresh().request().queryParam("lead_id", lead).get("/api/v1/activity/note/").then()
                .statusCode(200).body("data", empty());
    }

    @Test
    void refusesBadBodiesAndForeignReferencesAndWritesNothing() {
        TestOrganizations org = TestOrganizations.fresh();
        TestOrganizations stranger = TestOrganizations.fresh();
        CrmEvents crm = new CrmEvents(connector, pool, org);
        String[] lead = crm.leadWithContact();
        String[] secondLead = crm.leadWithContact();
        String[] foreignLead = new CrmEvents(connector, pool, stranger).leadWithContact();
        String id = org.request().body("{\"lead_id\": \"" + lead[0] + "\", \"note\": \"keep\"}")
                .post("/api/v1/activity/note/").then().statusCode(200).extract().path("id");
        long writes = database.writesOf(org.organizationId());

        org.request().body("{}").post("/api/v1/activity/note/").then().statusCode(400)
                .body("'field-errors'.lead_id", equalTo("This field is required."));
        org.request().body("[1]").post("/api/v1/activity/note/").then().statusCode(400);
        org.request().body("{\"lead_id\": \"" + lead[0] + "\", \"note\": 5, \"pinned\": \"yes\", \"activity_at\": \"soon\","
                        + " \"attachments\": [{\"url\": \"http://x.example/a\"}]}")
                .post("/api/v1/activity/note/").then().statusCode(400)
                .body("'field-errors'", hasKey("note"))
                .body("'field-errors'", hasKey("pinned"))
                .body("'field-errors'", hasKey("activity_at"))
                .body("'field-errors'", hasKey("attachments.0.url"))
                .body("'field-errors'", hasKey("attachments.0.filename"));
        org.request().body("{\"lead_id\": \"nonsense\", \"note\": \"x\"}").post("/api/v1/activity/note/")
                .then().statusCode(400).body("'field-errors'.lead_id", notNullValue());
        // never seen here: crm-core is asked, and when it can't answer (not running in this test) that is a 503,
        // never a wrong "unknown lead"
        org.request().body("{\"lead_id\": \"lead_createdAMomentAgo\", \"note\": \"x\"}").post("/api/v1/activity/note/")
                .then().statusCode(503).body("error", containsString("crm-core"));
        org.request().body("{\"lead_id\": \"" + foreignLead[0] + "\", \"note\": \"x\"}").post("/api/v1/activity/note/")
                .then().statusCode(400).body("'field-errors'", hasKey("lead_id"));
        org.request().body("{\"lead_id\": \"" + lead[0] + "\", \"contact_id\": \"" + secondLead[1] + "\"}")
                .post("/api/v1/activity/note/").then().statusCode(400).body("'field-errors'", hasKey("contact_id"));
        org.request().body("{\"lead_id\": \"" + lead[0] + "\", \"contact_id\": \"" + foreignLead[1] + "\"}")
                .post("/api/v1/activity/note/").then().statusCode(400).body("'field-errors'", hasKey("contact_id"));
        org.request().body("{\"lead_id\": \"" + lead[0] + "\", \"organization_id\": \"" + stranger.organizationId() + "\"}")
                .post("/api/v1/activity/note/").then().statusCode(400).body("'field-errors'", hasKey("organization_id"));
        org.request().body("{\"contact_id\": \"" + secondLead[1] + "\"}").put("/api/v1/activity/note/" + id + "/")
                .then().statusCode(400).body("'field-errors'", hasKey("contact_id"));
        org.request().body("{\"lead_id\": null}").put("/api/v1/activity/note/" + id + "/")
                .then().statusCode(400).body("'field-errors'", hasKey("lead_id"));
        org.request().body("{\"title\": [\"x\"]}").put("/api/v1/activity/note/" + id + "/")
                .then().statusCode(400).body("'field-errors'", hasKey("title"));

        assertEquals(writes, database.writesOf(org.organizationId()));
        org.request().get("/api/v1/activity/note/" + id + "/").then().body("note", equalTo("keep"))
                .body("contact_id", nullValue());
    }

    @Test
    void noteHtmlIsCleanedToClosesSubsetAndBothFormsFollowEachOther() {
        TestOrganizations org = TestOrganizations.fresh();
        String lead = new CrmEvents(connector, pool, org).leadWithContact()[0];
        String id = org.request().body("{\"lead_id\": \"" + lead + "\", \"note\": \"plain\", \"note_html\":"
                        + " \"<p onclick=\\\"steal()\\\">Hi <b>there</b></p><script>alert(1)</script><p>Bye</p>\"}")
                .post("/api/v1/activity/note/").then().statusCode(200)
                .body("note_html", equalTo("<body><p>Hi <b>there</b></p><p>Bye</p></body>"))
                .body("note", equalTo("Hi there\nBye"))
                .extract().path("id");
        org.request().body("{\"note\": \"a < b\\nc\"}").put("/api/v1/activity/note/" + id + "/").then().statusCode(200)
                .body("note", equalTo("a < b\nc"))
                .body("note_html", equalTo("<body>a &lt; b<br />c</body>"));
        org.request().body("{\"note\": null}").put("/api/v1/activity/note/" + id + "/").then().statusCode(200)
                .body("note", equalTo("")).body("note_html", equalTo(""));
        org.request().body("{\"pinned\": true}").put("/api/v1/activity/note/" + id + "/").then().statusCode(200)
                .body("pinned_at", notNullValue());
        org.request().body("{\"pinned\": false}").put("/api/v1/activity/note/" + id + "/").then().statusCode(200)
                .body("pinned", equalTo(false)).body("pinned_at", nullValue());
    }

    @Test
    void anotherOrganizationsNoteIsNotFound() {
        TestOrganizations owner = TestOrganizations.fresh();
        String lead = new CrmEvents(connector, pool, owner).leadWithContact()[0];
        String id = owner.request().body("{\"lead_id\": \"" + lead + "\", \"note\": \"private\"}")
                .post("/api/v1/activity/note/").then().statusCode(200).extract().path("id");
        TestOrganizations stranger = TestOrganizations.fresh();

        stranger.request().get("/api/v1/activity/note/" + id + "/").then().statusCode(404);
        stranger.request().body("{\"note\": \"mine\"}").put("/api/v1/activity/note/" + id + "/").then().statusCode(404);
        stranger.request().delete("/api/v1/activity/note/" + id + "/").then().statusCode(404);
        stranger.request().get("/api/v1/activity/note/").then().statusCode(200).body("data", empty());
        owner.request().get("/api/v1/activity/note/" + id + "/").then().statusCode(200).body("note", equalTo("private"));
    }
}
