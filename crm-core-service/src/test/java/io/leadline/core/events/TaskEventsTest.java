package io.leadline.core.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadline.core.TestOrganizations;
import io.leadline.platform.testing.EventContracts;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The events of a task's life, and of its lead's deletion, as consumers receive them. */
@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class TaskEventsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void aTasksLifeIsRecordedAsClosesEvents() {
        TestOrganizations org = TestOrganizations.provisioned();
        JsonPath lead = org.request().body("{\"name\": \"Acme\", \"contacts\": [{\"name\": \"Wile\"}]}")
                .post("/api/v1/lead/").then().statusCode(200).extract().jsonPath();
        String leadId = lead.getString("id");

        String create = RelayedEvents.newRequestId();
        String taskId = org.request().header("X-Request-Id", create).body("{\"lead_id\": \"" + leadId
                        + "\", \"contact_id\": \"" + lead.getString("contacts[0].id") + "\", \"text\": \"Call\","
                        + " \"date\": \"2024-05-01\"}")
                .post("/api/v1/task/").then().statusCode(200).extract().path("id");
        JsonNode created = RelayedEvents.ofRequest(connector, create, 1).get(0);
        assertEvent(created, "task.lead.created", taskId, leadId, org);
        assertEquals("Call", created.at("/data/text").asText());

        String complete = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", complete).body("{\"is_complete\": true}")
                .put("/api/v1/task/" + taskId + "/").then().statusCode(200);
        List<JsonNode> completed = RelayedEvents.ofRequest(connector, complete, 2);
        assertEvent(completed.get(0), "task.lead.updated", taskId, leadId, org);
        assertEquals(List.of("date_updated", "is_complete"),
                MAPPER.convertValue(completed.get(0).get("changed_fields"), List.class));
        assertEquals(false, completed.get(0).at("/previous_data/is_complete").asBoolean());
        assertEvent(completed.get(1), "task.lead.completed", taskId, leadId, org);
        assertEquals(true, completed.get(1).at("/data/is_complete").asBoolean());

        // Completing an already complete task, or reopening it, is no completion.
        String reopen = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", reopen).body("{\"is_complete\": false, \"text\": \"Again\"}")
                .put("/api/v1/task/" + taskId + "/").then().statusCode(200);
        assertEquals("updated", RelayedEvents.ofRequest(connector, reopen, 1).get(0).get("action").asText());

        String delete = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", delete).delete("/api/v1/task/" + taskId + "/").then().statusCode(200);
        JsonNode deleted = RelayedEvents.ofRequest(connector, delete, 1).get(0);
        assertEvent(deleted, "task.lead.deleted", taskId, leadId, org);
        assertEquals("Again", deleted.at("/previous_data/text").asText());
    }

    @Test
    void outgoingCallTasksHaveTheirOwnObjectType() {
        TestOrganizations org = TestOrganizations.provisioned();
        String leadId = org.request().body("{\"name\": \"Acme\"}").post("/api/v1/lead/").then().statusCode(200)
                .extract().path("id");
        String request = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", request)
                .body("{\"_type\": \"outgoing_call\", \"lead_id\": \"" + leadId + "\", \"is_complete\": true}")
                .post("/api/v1/task/").then().statusCode(200);
        List<JsonNode> events = RelayedEvents.ofRequest(connector, request, 2);
        assertEquals("task.outgoing_call", events.get(0).get("object_type").asText());
        assertEquals("created", events.get(0).get("action").asText());
        assertEquals("completed", events.get(1).get("action").asText());
    }

    @Test
    void deletingALeadDeletesItsTasksWithTheirEvents() {
        TestOrganizations org = TestOrganizations.provisioned();
        String leadId = org.request().body("{\"name\": \"Doomed\", \"contacts\": [{\"name\": \"Wile\"}]}")
                .post("/api/v1/lead/").then().statusCode(200).extract().path("id");
        String open = org.request().body("{\"lead_id\": \"" + leadId + "\", \"text\": \"open\"}")
                .post("/api/v1/task/").then().statusCode(200).extract().path("id");
        String done = org.request().body("{\"lead_id\": \"" + leadId + "\", \"text\": \"done\", \"is_complete\": true}")
                .post("/api/v1/task/").then().statusCode(200).extract().path("id");

        String request = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", request).delete("/api/v1/lead/" + leadId + "/").then().statusCode(200);
        List<JsonNode> events = RelayedEvents.ofRequest(connector, request, 4);
        assertEvent(events.get(0), "task.lead.deleted", open, leadId, org);
        assertEvent(events.get(1), "task.lead.deleted", done, leadId, org);
        assertEquals("contact.deleted", events.get(2).get("object_type").asText() + "." + events.get(2).get("action").asText());
        assertEvent(events.get(3), "lead.deleted", leadId, leadId, org);
        assertEquals(open, events.get(3).at("/previous_data/tasks/0/id").asText());

        org.request().get("/api/v1/task/" + open + "/").then().statusCode(404);
        org.request().get("/api/v1/task/" + done + "/").then().statusCode(404);
    }

    private void assertEvent(JsonNode event, String type, String objectId, String leadId, TestOrganizations org) {
        int split = type.lastIndexOf('.');
        assertEquals(type.substring(0, split), event.get("object_type").asText());
        assertEquals(type.substring(split + 1), event.get("action").asText());
        assertEquals(objectId, event.get("object_id").asText());
        assertEquals(leadId, event.get("lead_id").asText());
        assertEquals(org.organizationId(), event.get("organization_id").asText());
        assertEquals(org.userId(), event.get("user_id").asText());
        List<String> differences = EventContracts.differences(EventContracts.fixture(type), event);
        assertTrue(differences.isEmpty(), () -> type + " differs from its fixture: " + differences);
    }
}
