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

/** Events of configuration objects (statuses, pipelines, integration links, smart views), as consumers receive them. */
@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class ConfigurationEventsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void leadStatusChangesAreRecorded() {
        TestOrganizations org = TestOrganizations.provisioned();

        String create = RelayedEvents.newRequestId();
        String id = org.request().header("X-Request-Id", create).body("{\"label\": \"Nurturing\"}")
                .post("/api/v1/status/lead/").then().statusCode(200).extract().path("id");
        JsonNode created = single(create);
        assertEvent(created, "status.lead", "created", id, org);
        assertEquals("Nurturing", created.at("/data/label").asText());

        String update = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", update).body("{\"label\": \"Warm\"}")
                .put("/api/v1/status/lead/" + id + "/").then().statusCode(200);
        JsonNode updated = single(update);
        assertEvent(updated, "status.lead", "updated", id, org);
        assertEquals(List.of("label"), MAPPER.convertValue(updated.get("changed_fields"), List.class));
        assertEquals("Nurturing", updated.at("/previous_data/label").asText());

        String delete = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", delete).delete("/api/v1/status/lead/" + id + "/").then().statusCode(200);
        JsonNode deleted = single(delete);
        assertEvent(deleted, "status.lead", "deleted", id, org);
        assertEquals("Warm", deleted.at("/previous_data/label").asText());
    }

    @Test
    void pipelineAndOpportunityStatusChangesAreRecorded() {
        TestOrganizations org = TestOrganizations.provisioned();
        String salesId = org.request().get("/api/v1/pipeline/").then().extract().path("data[0].id");

        String create = RelayedEvents.newRequestId();
        String pipelineId = org.request().header("X-Request-Id", create).body("{\"name\": \"Renewals\"}")
                .post("/api/v1/pipeline/").then().statusCode(201).extract().path("id");
        assertEvent(single(create), "pipeline", "created", pipelineId, org);

        String createStatus = RelayedEvents.newRequestId();
        JsonPath status = org.request().header("X-Request-Id", createStatus)
                .body("{\"label\": \"Trial\", \"type\": \"active\"}")
                .post("/api/v1/status/opportunity/").then().statusCode(200).extract().jsonPath();
        String statusId = status.getString("id");
        JsonNode statusCreated = single(createStatus);
        assertEvent(statusCreated, "status.opportunity", "created", statusId, org);
        assertEquals(salesId, statusCreated.at("/data/pipeline_id").asText());

        String rename = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", rename).body("{\"label\": \"Free trial\"}")
                .put("/api/v1/status/opportunity/" + statusId + "/").then().statusCode(200);
        assertEvent(single(rename), "status.opportunity", "updated", statusId, org);

        // Pulling the status into Renewals changes both pipelines and the status itself.
        String move = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", move).body("{\"statuses\": [{\"id\": \"" + statusId + "\"}]}")
                .put("/api/v1/pipeline/" + pipelineId + "/").then().statusCode(200);
        List<JsonNode> moved = RelayedEvents.ofRequest(connector, move, 3);
        assertEvent(moved.get(0), "pipeline", "updated", salesId, org);
        assertEvent(moved.get(1), "pipeline", "updated", pipelineId, org);
        assertEquals(List.of("statuses"), MAPPER.convertValue(moved.get(1).get("changed_fields"), List.class));
        assertEquals(statusId, moved.get(1).at("/data/statuses/0/id").asText());
        // Its previous_data holds pipeline_id instead of the fixture's label; the rename above checked the shape.
        assertEnvelope(moved.get(2), "status.opportunity", "updated", statusId, org);
        assertEquals(salesId, moved.get(2).at("/previous_data/pipeline_id").asText());

        String deleteStatus = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", deleteStatus).delete("/api/v1/status/opportunity/" + statusId + "/")
                .then().statusCode(200);
        assertEvent(single(deleteStatus), "status.opportunity", "deleted", statusId, org);

        String deletePipeline = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", deletePipeline).delete("/api/v1/pipeline/" + pipelineId + "/")
                .then().statusCode(204);
        JsonNode deleted = single(deletePipeline);
        assertEvent(deleted, "pipeline", "deleted", pipelineId, org);
        assertEquals("Renewals", deleted.at("/previous_data/name").asText());
    }

    @Test
    void integrationLinkChangesAreRecorded() {
        TestOrganizations org = TestOrganizations.provisioned();

        String create = RelayedEvents.newRequestId();
        String id = org.request().header("X-Request-Id", create)
                .body("{\"name\": \"ERP\", \"url\": \"https://erp.example/?q={{ lead.id }}\", \"type\": \"lead\"}")
                .post("/api/v1/integration_link/").then().statusCode(200).extract().path("id");
        assertEvent(single(create), "integration_link", "created", id, org);

        String update = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", update).body("{\"url\": \"https://erp.example/?id={{ lead.id }}\"}")
                .put("/api/v1/integration_link/" + id + "/").then().statusCode(200);
        JsonNode updated = single(update);
        assertEvent(updated, "integration_link", "updated", id, org);
        List<String> changed = MAPPER.convertValue(updated.get("changed_fields"), List.class);
        assertTrue(changed.contains("url"), changed::toString);

        String delete = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", delete).delete("/api/v1/integration_link/" + id + "/")
                .then().statusCode(200);
        assertEvent(single(delete), "integration_link", "deleted", id, org);
    }

    @Test
    void smartViewChangesAreRecorded() {
        TestOrganizations org = TestOrganizations.provisioned();
        String create = RelayedEvents.newRequestId();
        String id = org.request().header("X-Request-Id", create)
                .body("{\"name\": \"Big leads\", \"description\": \"Our biggest\", \"selected_fields\": [\"display_name\"],"
                        + " \"sharing_settings\": {\"whole_org\": true, \"user_ids\": [\"" + org.userId() + "\"]},"
                        + " \"s_query\": {\"type\": \"and\", \"queries\": [{\"type\": \"object_type\", \"object_type\": \"lead\"},"
                        + " {\"type\": \"text\", \"value\": \"acme\", \"mode\": \"full_words\"}]}}")
                .post("/api/v1/saved_search/").then().statusCode(200).extract().path("id");
        assertEvent(single(create), "saved_search", "created", id, org);

        String update = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", update).body("{\"name\": \"Biggest leads\"}")
                .put("/api/v1/saved_search/" + id + "/").then().statusCode(200);
        JsonNode updated = single(update);
        assertEvent(updated, "saved_search", "updated", id, org);
        assertEquals("Big leads", updated.at("/previous_data/name").asText());

        String delete = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", delete).delete("/api/v1/saved_search/" + id + "/").then().statusCode(200);
        assertEvent(single(delete), "saved_search", "deleted", id, org);
    }

    @Test
    void customFieldChangesAreRecordedPerOwner() {
        TestOrganizations org = TestOrganizations.provisioned();
        for (String owner : List.of("lead", "contact", "opportunity", "activity", "shared")) {
            String objectType = "custom_fields." + owner;
            String parent = owner.equals("activity") ? ", \"custom_activity_type_id\": \"actitype_1\"" : "";

            String create = RelayedEvents.newRequestId();
            String id = org.request().header("X-Request-Id", create)
                    .body("{\"name\": \"Size\", \"description\": \"How big\", \"type\": \"choices\","
                            + " \"choices\": [\"Small\", \"Large\"]" + parent + "}")
                    .post("/api/v1/custom_field/" + owner + "/").then().statusCode(200).extract().path("id");
            assertEvent(single(create), objectType, "created", id, org);

            String update = RelayedEvents.newRequestId();
            org.request().header("X-Request-Id", update).body("{\"name\": \"Company size\"}")
                    .put("/api/v1/custom_field/" + owner + "/" + id + "/").then().statusCode(200);
            JsonNode updated = single(update);
            assertEvent(updated, objectType, "updated", id, org);
            assertEquals("Size", updated.at("/previous_data/name").asText());

            String delete = RelayedEvents.newRequestId();
            org.request().header("X-Request-Id", delete).delete("/api/v1/custom_field/" + owner + "/" + id + "/")
                    .then().statusCode(200);
            JsonNode deleted = single(delete);
            assertEvent(deleted, objectType, "deleted", id, org);
            assertEquals("Company size", deleted.at("/previous_data/name").asText());
        }
    }

    private void assertEvent(JsonNode event, String objectType, String action, String objectId, TestOrganizations org) {
        assertEnvelope(event, objectType, action, objectId, org);
        String type = objectType + "." + action;
        List<String> differences = EventContracts.differences(EventContracts.fixture(type), event);
        assertTrue(differences.isEmpty(), () -> type + " differs from its fixture: " + differences);
    }

    private void assertEnvelope(JsonNode event, String objectType, String action, String objectId,
                                TestOrganizations org) {
        assertEquals(objectType, event.get("object_type").asText());
        assertEquals(action, event.get("action").asText());
        assertEquals(objectId, event.get("object_id").asText());
        assertTrue(event.get("lead_id").isNull());
        assertEquals(org.organizationId(), event.get("organization_id").asText());
        assertEquals(org.userId(), event.get("user_id").asText());
    }

    private JsonNode single(String requestId) {
        return RelayedEvents.ofRequest(connector, requestId, 1).get(0);
    }
}
