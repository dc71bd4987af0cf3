package io.leadline.core.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadline.core.TestCustomFields;
import io.leadline.core.TestOrganizations;
import io.leadline.core.opportunity.Pipelines;
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

/** The events an opportunity's life produces, as consumers (event log, webhooks, other services) receive them. */
@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class OpportunityEventsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    Pipelines pipelines;

    @Test
    void anOpportunitysLifeIsRecordedAsClosesEvents() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestCustomFields cf = customFields(org);
        JsonPath lead = org.request().body("{\"name\": \"Acme Corp\", \"contacts\": [{\"name\": \"Wile E. Coyote\"}]}")
                .post("/api/v1/lead/").then().statusCode(200).extract().jsonPath();
        String leadId = lead.getString("id");

        String createRequest = RelayedEvents.newRequestId();
        String id = org.request().header("X-Request-Id", createRequest).body(cf.in("""
                        {"lead_id": "%s", "contact_id": "%s", "value": 100050, "value_period": "monthly",
                         "confidence": 50, "note": "Big one", "custom.cf_source": "Referral"}""")
                        .formatted(leadId, lead.getString("contacts[0].id")))
                .post("/api/v1/opportunity/").then().statusCode(200).extract().path("id");
        JsonNode created = RelayedEvents.ofRequest(connector, createRequest, 1).get(0);
        assertEvent(created, "opportunity.created", id, leadId, org);
        assertEquals("Referral", created.at(cf.in("/data/custom.cf_source")).asText());

        String updateRequest = RelayedEvents.newRequestId();
        String won = pipelines.statusId(org.organizationId(), "Won");
        org.request().header("X-Request-Id", updateRequest).body("{\"status_id\": \"" + won + "\"}")
                .put("/api/v1/opportunity/" + id + "/").then().statusCode(200);
        JsonNode updated = RelayedEvents.ofRequest(connector, updateRequest, 1).get(0);
        assertEvent(updated, "opportunity.updated", id, leadId, org);
        List<String> changed = MAPPER.convertValue(updated.get("changed_fields"), List.class);
        assertTrue(changed.containsAll(List.of("status_id", "status_label", "status_type", "date_won")),
                changed::toString);
        assertEquals("Active", updated.at("/previous_data/status_label").asText());
        assertEquals("Won", updated.at("/data/status_label").asText());

        String deleteRequest = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", deleteRequest).delete("/api/v1/opportunity/" + id + "/")
                .then().statusCode(200);
        JsonNode deleted = RelayedEvents.ofRequest(connector, deleteRequest, 1).get(0);
        assertEvent(deleted, "opportunity.deleted", id, leadId, org);
        assertTrue(deleted.get("data").isNull());
        assertEquals("Won", deleted.at("/previous_data/status_label").asText());
    }

    @Test
    void anOpportunityWithoutALeadRecordsItsNewLeadFirst() {
        TestOrganizations org = TestOrganizations.provisioned();
        String request = RelayedEvents.newRequestId();
        JsonPath created = org.request().header("X-Request-Id", request).body("{\"value\": 100}")
                .post("/api/v1/opportunity/").then().statusCode(200).extract().jsonPath();

        List<JsonNode> events = RelayedEvents.ofRequest(connector, request, 2);
        assertEquals("lead", events.get(0).get("object_type").asText());
        assertEquals("Untitled", events.get(0).at("/data/name").asText());
        assertEvent(events.get(1), "opportunity.created", created.getString("id"), created.getString("lead_id"), org);
    }

    @Test
    void deletingALeadRecordsTheDeletionOfItsOpportunitiesBeforeItsOwn() {
        TestOrganizations org = TestOrganizations.provisioned();
        String leadId = org.request().body("{\"name\": \"Acme\"}").post("/api/v1/lead/").then().statusCode(200)
                .extract().path("id");
        String id = org.request().body("{\"lead_id\": \"" + leadId + "\", \"value\": 100}")
                .post("/api/v1/opportunity/").then().statusCode(200).extract().path("id");

        String request = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", request).delete("/api/v1/lead/" + leadId + "/").then().statusCode(200);

        List<JsonNode> events = RelayedEvents.ofRequest(connector, request, 2);
        assertEvent(events.get(0), "opportunity.deleted", id, leadId, org);
        assertEquals(100, events.get(0).at("/previous_data/value").asInt());
        assertEquals("lead", events.get(1).get("object_type").asText());
        assertEquals("deleted", events.get(1).get("action").asText());
    }

    private void assertEvent(JsonNode event, String type, String objectId, String leadId, TestOrganizations org) {
        String[] parts = type.split("\\.");
        assertEquals(parts[0], event.get("object_type").asText());
        assertEquals(parts[1], event.get("action").asText());
        assertEquals(objectId, event.get("object_id").asText());
        assertEquals(leadId, event.get("lead_id").asText());
        assertEquals(org.organizationId(), event.get("organization_id").asText());
        assertEquals(org.userId(), event.get("user_id").asText());
        List<String> differences = EventContracts.differences(EventContracts.fixture(type), event);
        assertTrue(differences.isEmpty(), () -> type + " differs from its fixture: " + differences);
    }

    /** The custom fields this class's bodies name by placeholder. */
    static TestCustomFields customFields(TestOrganizations org) {
        return TestCustomFields.of(org)
                .define("opportunity", "cf_source", "text", false);
    }
}
