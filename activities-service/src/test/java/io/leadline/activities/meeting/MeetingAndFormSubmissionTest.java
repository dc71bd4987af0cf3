package io.leadline.activities.meeting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.activities.CrmEvents;
import io.leadline.activities.Database;
import io.leadline.activities.RelayedEvents;
import io.leadline.activities.TestOrganizations;
import io.leadline.activities.formsubmission.FormSubmissions;
import io.leadline.platform.security.Caller;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Meetings and form submissions have no public create: they are recorded as a calendar sync or a form would. */
@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class MeetingAndFormSubmissionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    Pool pool;

    @Inject
    Database database;

    @Inject
    MeetingService meetings;

    @Inject
    FormSubmissions forms;

    @Test
    void aSyncedMeetingIsAnnotatedAndDeletedThroughTheApi() throws Throwable {
        TestOrganizations org = TestOrganizations.fresh();
        String[] lead = new CrmEvents(connector, pool, org).leadWithContact();
        String sync = RelayedEvents.newRequestId();
        ObjectNode details = (ObjectNode) JSON.readTree("{\"title\": \"Demo\", \"starts_at\": \"2026-12-01T15:00:00+00:00\","
                + " \"ends_at\": \"2026-12-01T15:30:00+00:00\", \"status\": \"upcoming\", \"is_recurring\": false,"
                + " \"attendees\": [{\"email\": \"bob@example.com\", \"name\": \"Bob\", \"status\": \"yes\"}]}");
        String id = VertxContextSupport.subscribeAndAwait(() -> meetings.record(caller(org, sync), lead[0], details,
                Instant.parse("2026-12-01T15:00:00Z"))).id;
        RelayedEvents.ofRequest(connector, sync, 1).forEach(RelayedEvents::assertMatchesContract);

        org.request().get("/api/v1/activity/meeting/" + id + "/").then().statusCode(200)
                .body("_type", equalTo("Meeting")).body("title", equalTo("Demo"))
                .body("activity_at", equalTo("2026-12-01T15:00:00.000000+00:00"));
        long writes = database.writesOf(org.organizationId());
        org.request().body("{\"title\": \"Renamed\"}").put("/api/v1/activity/meeting/" + id + "/").then()
                .statusCode(400).body("'field-errors'", hasKey("title"));
        org.request().body("{\"user_note_html\": 5}").put("/api/v1/activity/meeting/" + id + "/").then()
                .statusCode(400).body("'field-errors'", hasKey("user_note_html"));
        org.request().body("{}").post("/api/v1/activity/meeting/").then().statusCode(405);
        assertEquals(writes, database.writesOf(org.organizationId()));

        String note = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", note)
                .body("{\"user_note_html\": \"<p>Went well</p><script>x()</script>\", \"outcome_id\": \"outcome_1\"}")
                .put("/api/v1/activity/meeting/" + id + "/").then().statusCode(200)
                .body("user_note_html", equalTo("<body><p>Went well</p></body>"))
                .body("outcome_id", equalTo("outcome_1"));
        RelayedEvents.ofRequest(connector, note, 1).forEach(RelayedEvents::assertMatchesContract);

        TestOrganizations other = TestOrganizations.fresh();
        other.request().body("{\"outcome_id\": \"x\"}").put("/api/v1/activity/meeting/" + id + "/").then().statusCode(404);
        other.request().delete("/api/v1/activity/meeting/" + id + "/").then().statusCode(404);
        String delete = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", delete).delete("/api/v1/activity/meeting/" + id + "/").then().statusCode(200);
        RelayedEvents.ofRequest(connector, delete, 1).forEach(RelayedEvents::assertMatchesContract);
        org.request().get("/api/v1/activity/meeting/" + id + "/").then().statusCode(404);
    }

    @Test
    void aFormSubmissionIsReadFilteredByFormAndDeleted() throws Throwable {
        TestOrganizations org = TestOrganizations.fresh();
        String[] lead = new CrmEvents(connector, pool, org).leadWithContact();
        String submit = RelayedEvents.newRequestId();
        ObjectNode details = (ObjectNode) JSON.readTree("{\"form_name\": \"Contact us\","
                + " \"values\": {\"formfld_1a2b3c4d5e6f7g8h9i0j1k\": \"Hi\"}, \"values_by_name\": {\"Message\": \"Hi\"},"
                + " \"ip_address\": \"203.0.113.7\", \"origin\": \"https://acme.example\","
                + " \"source_url\": \"https://acme.example/contact\"}");
        String id = VertxContextSupport.subscribeAndAwait(() -> forms.record(caller(org, submit), lead[0], "form_1",
                details, Instant.now())).id;
        VertxContextSupport.subscribeAndAwait(() -> forms.record(caller(org, RelayedEvents.newRequestId()), lead[0],
                "form_2", details, Instant.now()));
        RelayedEvents.ofRequest(connector, submit, 1).forEach(RelayedEvents::assertMatchesContract);

        org.request().get("/api/v1/activity/form_submission/?form_id=form_1").then().statusCode(200)
                .body("data.id", contains(id)).body("data[0].values_by_name.Message", equalTo("Hi"));
        org.request().get("/api/v1/activity/form_submission/?form_id=form_1&values=x").then().statusCode(400);
        org.request().body("{}").put("/api/v1/activity/form_submission/" + id + "/").then().statusCode(405);
        TestOrganizations.fresh().request().delete("/api/v1/activity/form_submission/" + id + "/").then().statusCode(404);
        org.request().delete("/api/v1/activity/form_submission/" + id + "/").then().statusCode(200);
        org.request().get("/api/v1/activity/form_submission/" + id + "/").then().statusCode(404);
    }

    private static Caller caller(TestOrganizations org, String requestId) {
        return new Caller(org.organizationId(), org.userId(), org.userName(), null, null, requestId, "POST",
                "/integration", 0);
    }
}
