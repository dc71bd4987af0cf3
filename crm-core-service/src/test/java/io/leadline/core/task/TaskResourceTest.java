package io.leadline.core.task;

import io.leadline.core.Database;
import io.leadline.core.TestOrganizations;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class TaskResourceTest {

    static final String DATETIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00";

    @Inject
    Database database;

    @Test
    void createsLeadAndOutgoingCallTasksInClosesShape() {
        TestOrganizations org = TestOrganizations.provisioned();
        JsonPath lead = TaskFixtures.lead(org, "Acme Corp");
        String leadId = lead.getString("id");
        String contactId = lead.getString("contacts[0].id");

        String id = org.request().body("{\"lead_id\": \"" + leadId + "\", \"contact_id\": \"" + contactId
                        + "\", \"text\": \"Call back\", \"date\": \"2024-05-01\"}")
                .post("/api/v1/task/").then().statusCode(200)
                .body("id", matchesPattern("task_[0-9A-Za-z]{43}"))
                .body("_type", equalTo("lead"))
                .body("organization_id", equalTo(org.organizationId()))
                .body("lead_id", equalTo(leadId))
                .body("lead_name", equalTo("Acme Corp"))
                .body("contact_id", equalTo(contactId))
                .body("assigned_to", equalTo(org.userId()))
                .body("text", equalTo("Call back"))
                .body("date", equalTo("2024-05-01"))
                .body("due_date", equalTo("2024-05-01"))
                .body("is_dateless", equalTo(false))
                .body("is_complete", equalTo(false))
                .body("object_type", nullValue())
                .body("object_id", nullValue())
                .body("created_by", equalTo(org.userId()))
                .body("updated_by", equalTo(org.userId()))
                .body("date_created", matchesPattern(DATETIME))
                .body("date_updated", matchesPattern(DATETIME))
                .extract().path("id");

        org.request().body("{\"_type\": \"outgoing_call\", \"lead_id\": \"" + leadId + "\", \"assigned_to\": \"user_other\"}")
                .post("/api/v1/task/").then().statusCode(200)
                .body("_type", equalTo("outgoing_call"))
                .body("assigned_to", equalTo("user_other"))
                .body("text", equalTo(""))
                .body("date", nullValue())
                .body("is_dateless", equalTo(true));

        JsonPath read = org.request().get("/api/v1/task/" + id + "/").then().statusCode(200).extract().jsonPath();
        assertEquals("Call back", read.getString("text"));
        org.request().queryParam("_fields", "id,text").get("/api/v1/task/" + id).then().statusCode(200)
                .body("$", aMapWithSize(2))
                .body("text", equalTo("Call back"));
    }

    @Test
    void keepsADateAsADayAndADatetimeAsAnInstant() {
        TestOrganizations org = TestOrganizations.provisioned();
        String leadId = TaskFixtures.leadId(org);

        String id = org.request().body("{\"lead_id\": \"" + leadId + "\", \"date\": \"2024-05-01T10:30:00+02:00\"}")
                .post("/api/v1/task/").then().statusCode(200)
                .body("date", equalTo("2024-05-01T08:30:00.000000+00:00"))
                .body("due_date", equalTo("2024-05-01T08:30:00.000000+00:00"))
                .extract().path("id");
        org.request().get("/api/v1/task/" + id + "/").then()
                .body("date", equalTo("2024-05-01T08:30:00.000000+00:00"));

        org.request().body("{\"date\": \"2024-06-02\"}").put("/api/v1/task/" + id + "/").then().statusCode(200)
                .body("date", equalTo("2024-06-02"))
                .body("is_dateless", equalTo(false));
        org.request().get("/api/v1/task/" + id + "/").then().body("date", equalTo("2024-06-02"));

        org.request().body("{\"date\": null}").put("/api/v1/task/" + id + "/").then().statusCode(200)
                .body("date", nullValue())
                .body("is_dateless", equalTo(true));

        org.request().body("{\"due_date\": \"2024-07-03T00:00:00.123456+00:00\"}").put("/api/v1/task/" + id + "/")
                .then().statusCode(200).body("date", equalTo("2024-07-03T00:00:00.123456+00:00"));
    }

    @Test
    void refusesBadTypesDatesAndReferencesWritingNothing() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestOrganizations other = TestOrganizations.provisioned();
        String leadId = TaskFixtures.leadId(org);
        String otherLead = TaskFixtures.lead(other, "Theirs").getString("id");
        JsonPath secondLead = TaskFixtures.lead(org, "Second");
        long outboxBefore = database.count("outbox_event", org.organizationId());

        refused(org, "{\"_type\": \"missed_call\", \"lead_id\": \"" + leadId + "\"}", "_type");
        refused(org, "{\"_type\": \"nonsense\", \"lead_id\": \"" + leadId + "\"}", "_type");
        refused(org, "{\"_type\": 3, \"lead_id\": \"" + leadId + "\"}", "_type");
        refused(org, "{\"text\": \"no lead\"}", "lead_id");
        refused(org, "{\"lead_id\": \"lead_doesnotexist\"}", "lead_id");
        refused(org, "{\"lead_id\": \"" + otherLead + "\"}", "lead_id");
        refused(org, "{\"lead_id\": \"" + leadId + "\", \"contact_id\": \"" + secondLead.getString("contacts[0].id")
                + "\"}", "contact_id");
        refused(org, "{\"lead_id\": \"" + leadId + "\", \"date\": \"2024-13-01\"}", "date");
        refused(org, "{\"lead_id\": \"" + leadId + "\", \"date\": \"tomorrow\"}", "date");
        refused(org, "{\"lead_id\": \"" + leadId + "\", \"is_complete\": \"yes\"}", "is_complete");
        refused(org, "{\"lead_id\": \"" + leadId + "\", \"text\": 42}", "text");
        refused(org, "{\"lead_id\": \"" + leadId + "\", \"date\": \"2024-05-01\", \"due_date\": \"2024-05-02\"}",
                "due_date");
        org.request().body("[1]").post("/api/v1/task/").then().statusCode(400);
        org.request().body("{nope").post("/api/v1/task/").then().statusCode(400);

        assertEquals(0, database.count("task", org.organizationId()));
        assertEquals(outboxBefore, database.count("outbox_event", org.organizationId()));
    }

    @Test
    void updatesOnlyWhatCloseAllowsAndWritesNothingOnBadInput() {
        TestOrganizations org = TestOrganizations.provisioned();
        String leadId = TaskFixtures.leadId(org);
        String task = TaskFixtures.task(org, leadId, "\"text\": \"Original\"");
        String call = TaskFixtures.task(org, leadId, "\"_type\": \"outgoing_call\"");

        org.request().body("{\"text\": \"Changed\", \"assigned_to\": \"user_someone\", \"is_complete\": true}")
                .put("/api/v1/task/" + task + "/").then().statusCode(200)
                .body("text", equalTo("Changed"))
                .body("assigned_to", equalTo("user_someone"))
                .body("assigned_to_name", nullValue())
                .body("is_complete", equalTo(true));

        long outboxBefore = database.count("outbox_event", org.organizationId());
        org.request().body("{\"text\": \"Not on calls\"}").put("/api/v1/task/" + call + "/").then().statusCode(400)
                .body("'field-errors'", hasKey("text"));
        org.request().body("{\"text\": \"x\", \"lead_id\": \"" + leadId + "\"}").put("/api/v1/task/" + task + "/")
                .then().statusCode(400).body("'field-errors'", hasKey("lead_id"));
        org.request().body("{\"text\": \"x\", \"assigned_to\": null}").put("/api/v1/task/" + task + "/")
                .then().statusCode(400).body("'field-errors'", hasKey("assigned_to"));
        org.request().body("{\"text\": \"x\", \"is_complete\": \"no\"}").put("/api/v1/task/" + task + "/")
                .then().statusCode(400).body("'field-errors'", hasKey("is_complete"));
        org.request().body("{\"text\": \"x\", \"date\": \"31/12/2024\"}").put("/api/v1/task/" + task + "/")
                .then().statusCode(400).body("'field-errors'", hasKey("date"));

        org.request().get("/api/v1/task/" + task + "/").then().body("text", equalTo("Changed"));
        org.request().get("/api/v1/task/" + call + "/").then().body("text", equalTo(""));
        assertEquals(outboxBefore, database.count("outbox_event", org.organizationId()));
    }

    @Test
    void anotherOrganizationsTasksDoNotExist() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestOrganizations other = TestOrganizations.provisioned();
        String theirs = TaskFixtures.task(other, TaskFixtures.leadId(other), "\"text\": \"Theirs\"");

        org.request().get("/api/v1/task/" + theirs + "/").then().statusCode(404).body("error", not(nullValue()));
        org.request().body("{\"text\": \"Mine now\"}").put("/api/v1/task/" + theirs + "/").then().statusCode(404);
        org.request().delete("/api/v1/task/" + theirs + "/").then().statusCode(404);
        org.request().queryParam("_type", "all").get("/api/v1/task/").then().statusCode(200)
                .body("data", empty());

        other.request().get("/api/v1/task/" + theirs + "/").then().statusCode(200).body("text", equalTo("Theirs"));
    }

    @Test
    void deletesATask() {
        TestOrganizations org = TestOrganizations.provisioned();
        String task = TaskFixtures.task(org, TaskFixtures.leadId(org), "");

        org.request().delete("/api/v1/task/" + task + "/").then().statusCode(200).body("$", anEmptyMap());
        org.request().get("/api/v1/task/" + task + "/").then().statusCode(404);
        org.request().delete("/api/v1/task/" + task + "/").then().statusCode(404);
    }

    private static void refused(TestOrganizations org, String body, String field) {
        Map<String, Object> errors = org.request().body(body).post("/api/v1/task/").then().statusCode(400)
                .body("'field-errors'", hasKey(field))
                .extract().path("'field-errors'");
        assertEquals(true, errors.containsKey(field), body);
    }
}
