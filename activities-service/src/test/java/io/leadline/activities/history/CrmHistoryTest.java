package io.leadline.activities.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.activities.CrmEvents;
import io.leadline.activities.Database;
import io.leadline.activities.RelayedEvents;
import io.leadline.activities.TestOrganizations;
import io.leadline.platform.id.Ids;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The activities crm-core's events imply, fed with crm-core's own fixtures (its event-contracts artifact). */
@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class CrmHistoryTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    Pool pool;

    @Inject
    Database database;

    @Test
    void aCreatedLeadGetsItsCreatedActivityOnceEvenWhenTheEventComesTwice() {
        TestOrganizations org = TestOrganizations.fresh();
        CrmEvents crm = new CrmEvents(connector, pool, org);
        String lead = Ids.longId("lead");
        ObjectNode created = crm.event("lead.created", lead, lead);
        ((ObjectNode) created.get("data")).putArray("contacts");
        crm.send(created);
        crm.send(created.deepCopy());

        org.request().queryParam("lead_id", lead).get("/api/v1/activity/").then().statusCode(200)
                .body("data._type", contains("Created"))
                .body("data[0].user_id", equalTo(org.userId()))
                .body("data[0].user_name", equalTo("Jane Doe"))
                .body("data[0].activity_at", equalTo("2026-11-26T10:00:00.123456+00:00"));
        String id = org.request().queryParam("lead_id", lead).get("/api/v1/activity/created/").then().statusCode(200)
                .body("data", hasSize(1)).extract().path("data[0].id");
        org.request().get("/api/v1/activity/created/" + id + "/").then().statusCode(200).body("lead_id", equalTo(lead));
        org.request().delete("/api/v1/activity/created/" + id + "/").then().statusCode(405);
        JsonNode event = RelayedEvents.ofRequest(connector, created.get("request_id").asText(), 1).get(0);
        RelayedEvents.assertMatchesContract(event);
        assertEquals("activity.created", event.get("object_type").asText());
        // a lead created right then is accepted for a note without asking crm-core
        org.request().body("{\"lead_id\": \"" + lead + "\"}").post("/api/v1/activity/note/").then().statusCode(200);
    }

    @Test
    void statusChangesAndCompletedTasksBecomeActivities() {
        TestOrganizations org = TestOrganizations.fresh();
        CrmEvents crm = new CrmEvents(connector, pool, org);
        String lead = crm.leadWithContact()[0];

        ObjectNode statusChange = crm.event("lead.updated", lead, lead);
        crm.send(statusChange);
        ObjectNode rename = crm.event("lead.updated", lead, lead);
        rename.putArray("changed_fields").add("date_updated").add("name");
        crm.send(rename);
        String opportunity = Ids.longId("oppo");
        ObjectNode won = crm.event("opportunity.updated", opportunity, lead);
        crm.send(won);
        String task = Ids.longId("task");
        ObjectNode completed = crm.event("task.lead.completed", task, lead);
        crm.send(completed);

        org.request().queryParam("lead_id", lead).get("/api/v1/activity/").then().statusCode(200)
                .body("data._type", contains("TaskCompleted", "OpportunityStatusChange", "LeadStatusChange", "Created"));
        org.request().queryParam("lead_id", lead).get("/api/v1/activity/status_change/lead/").then().statusCode(200)
                .body("data[0].old_status_label", equalTo("Potential"))
                .body("data[0].new_status_id", equalTo(statusChange.at("/data/status_id").asText()))
                .body("data[0].new_status_label", equalTo(statusChange.at("/data/status_label").asText()));
        org.request().queryParam("opportunity_id", opportunity).get("/api/v1/activity/status_change/opportunity/")
                .then().statusCode(200)
                .body("data[0].old_status_type", equalTo("active"))
                .body("data[0].new_status_type", equalTo("won"))
                .body("data[0].opportunity_value", equalTo(100050));
        String taskActivity = org.request().queryParam("lead_id", lead).get("/api/v1/activity/task_completed/").then()
                .statusCode(200)
                .body("data[0].task_id", equalTo(task))
                .body("data[0].task_text", equalTo("Call back about the rockets"))
                .extract().path("data[0].id");
        for (ObjectNode event : List.of(statusChange, won, completed)) {
            RelayedEvents.assertMatchesContract(RelayedEvents.ofRequest(connector, event.get("request_id").asText(), 1).get(0));
        }

        org.request().delete("/api/v1/activity/task_completed/" + taskActivity + "/").then().statusCode(200);
        org.request().get("/api/v1/activity/task_completed/" + taskActivity + "/").then().statusCode(404);
        TestOrganizations.fresh().request().queryParam("lead_id", lead).get("/api/v1/activity/status_change/lead/")
                .then().statusCode(200).body("data", empty());
    }

    @Test
    void aMergeMovesTheSourcesActivitiesAndADeletionTakesThemAlong() {
        TestOrganizations org = TestOrganizations.fresh();
        CrmEvents crm = new CrmEvents(connector, pool, org);
        String[] source = crm.leadWithContact();
        String destination = crm.leadWithContact()[0];
        String note = org.request().body("{\"lead_id\": \"" + source[0] + "\", \"contact_id\": \"" + source[1]
                + "\", \"note\": \"moves\"}").post("/api/v1/activity/note/").then().statusCode(200).extract().path("id");

        // crm-core's merge deletes the source (an event keyed by the source) and announces the merge (keyed by the
        // destination), both with the merge in meta and one request id; here the deletion comes first
        ObjectNode merged = crm.event("lead.merged", destination, destination);
        ((ObjectNode) merged.get("meta")).put("merge_source_lead_id", source[0]).put("merge_destination_lead_id", destination);
        ObjectNode sourceDeleted = crm.event("lead.deleted", source[0], source[0]);
        sourceDeleted.set("meta", merged.get("meta").deepCopy());
        sourceDeleted.put("request_id", merged.get("request_id").asText());
        crm.send(sourceDeleted);
        crm.send(merged);

        org.request().queryParam("lead_id", source[0]).get("/api/v1/activity/").then().body("data", empty());
        org.request().queryParam("lead_id", destination).get("/api/v1/activity/").then().statusCode(200)
                .body("data._type", contains("LeadMerge", "Note", "Created", "Created"));
        org.request().get("/api/v1/activity/note/" + note + "/").then().body("lead_id", equalTo(destination))
                .body("contact_id", equalTo(source[1]));
        org.request().queryParam("lead_id", destination).get("/api/v1/activity/lead_merge/").then()
                .body("data[0].source_lead_id", equalTo(source[0]))
                .body("data[0].status", equalTo("completed"));
        List<JsonNode> mergeEvents = RelayedEvents.ofRequest(connector, merged.get("request_id").asText(), 3);
        mergeEvents.forEach(RelayedEvents::assertMatchesContract);
        JsonNode moved = mergeEvents.stream().filter(e -> e.get("object_id").asText().equals(note)).findFirst().orElseThrow();
        assertEquals(source[0], moved.at("/meta/merge_source_lead_id").asText());
        assertEquals(source[0], moved.at("/previous_data/lead_id").asText());
        // the merged-away lead is no lead to write to any more
        org.request().body("{\"lead_id\": \"" + source[0] + "\"}").post("/api/v1/activity/note/").then().statusCode(400)
                .body("'field-errors'", hasKey("lead_id"));

        ObjectNode contactDeleted = crm.event("contact.deleted", source[1], destination);
        crm.send(contactDeleted);
        org.request().get("/api/v1/activity/note/" + note + "/").then().body("contact_id", nullValue());

        ObjectNode deleted = crm.event("lead.deleted", destination, destination);
        crm.send(deleted);
        org.request().queryParam("lead_id", destination).get("/api/v1/activity/").then().body("data", empty());
        List<JsonNode> deletions = RelayedEvents.ofRequest(connector, deleted.get("request_id").asText(), 4);
        deletions.forEach(RelayedEvents::assertMatchesContract);
        assertEquals(0, database.count("activity", org.organizationId()));
    }

    @Test
    void importsPastStatusChangesWithoutTouchingTheLead() {
        TestOrganizations org = TestOrganizations.fresh();
        CrmEvents crm = new CrmEvents(connector, pool, org);
        String lead = crm.leadWithContact()[0];
        String foreign = new CrmEvents(connector, pool, TestOrganizations.fresh()).leadWithContact()[0];

        String id = org.request().body("{\"lead_id\": \"" + lead + "\", \"old_status_id\": \"stat_old\", \"old_status_label\": \"Cold\","
                        + " \"new_status_id\": \"stat_new\", \"new_status_label\": \"Hot\", \"activity_at\": \"2019-05-01T12:00:00Z\"}")
                .post("/api/v1/activity/status_change/lead/").then().statusCode(200)
                .body("_type", equalTo("LeadStatusChange"))
                .body("new_status_label", equalTo("Hot"))
                .body("activity_at", equalTo("2019-05-01T12:00:00.000000+00:00"))
                .extract().path("id");
        org.request().body("{\"lead_id\": \"" + lead + "\", \"opportunity_id\": \"oppo_x\", \"new_status_id\": \"stat_won\","
                        + " \"new_status_type\": \"won\"}")
                .post("/api/v1/activity/status_change/opportunity/").then().statusCode(200)
                .body("opportunity_id", equalTo("oppo_x")).body("new_status_type", equalTo("won"));
        long writes = database.writesOf(org.organizationId());

        org.request().body("{\"lead_id\": \"" + lead + "\"}").post("/api/v1/activity/status_change/lead/").then()
                .statusCode(400).body("'field-errors'", hasKey("new_status_id"));
        org.request().body("{\"lead_id\": \"" + foreign + "\", \"new_status_id\": \"stat_new\"}")
                .post("/api/v1/activity/status_change/lead/").then().statusCode(400).body("'field-errors'", hasKey("lead_id"));
        org.request().body("{\"lead_id\": \"" + lead + "\", \"new_status_id\": \"stat_new\", \"new_status_type\": \"maybe\"}")
                .post("/api/v1/activity/status_change/opportunity/").then().statusCode(400)
                .body("'field-errors'", hasKey("opportunity_id")).body("'field-errors'", hasKey("new_status_type"));
        assertEquals(writes, database.writesOf(org.organizationId()));

        TestOrganizations.fresh().request().delete("/api/v1/activity/status_change/lead/" + id + "/").then().statusCode(404);
        org.request().delete("/api/v1/activity/status_change/lead/" + id + "/").then().statusCode(200);
        org.request().get("/api/v1/activity/status_change/lead/" + id + "/").then().statusCode(404);
    }
}
