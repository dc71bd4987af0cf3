package io.leadline.core.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadline.core.TestCustomFields;
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

/** The events a lead's life produces, as consumers (event log, webhooks, other services) receive them. */
@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class LeadEventsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void aLeadsLifeIsRecordedAsClosesEvents() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestCustomFields cf = customFields(org);

        String createRequest = RelayedEvents.newRequestId();
        JsonPath lead = org.request().header("X-Request-Id", createRequest).body(cf.in("""
                        {"name": "Acme Corp", "description": "Rockets", "url": "https://acme.example",
                         "contacts": [{"name": "Wile E. Coyote", "title": "CEO",
                                       "emails": [{"email": "wile@acme.example"}],
                                       "phones": [{"phone": "+14155551234"}], "urls": [{"url": "https://wile.example"}]}],
                         "addresses": [{"address_1": "1 Desert Rd", "city": "Phoenix"}],
                         "custom.cf_industry": "Aerospace"}"""))
                .post("/api/v1/lead/").then().statusCode(200).extract().jsonPath();
        String leadId = lead.getString("id");
        String contactId = lead.getString("contacts[0].id");

        List<JsonNode> created = RelayedEvents.ofRequest(connector, createRequest, 2);
        assertEvent(created.get(0), "lead.created", leadId, leadId, org);
        assertEquals(leadId, created.get(0).at("/data/id").asText());
        assertEquals("Aerospace", created.get(0).at(cf.in("/data/custom.cf_industry")).asText());
        assertEquals("POST", created.get(0).at("/meta/request_method").asText());
        assertEvent(created.get(1), "contact.created", contactId, leadId, org);
        assertEquals(leadId, created.get(1).at("/data/lead_id").asText());

        String updateRequest = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", updateRequest).body("{\"name\": \"Acme Inc\", \"status\": \"Customer\"}")
                .put("/api/v1/lead/" + leadId + "/").then().statusCode(200);
        JsonNode updated = RelayedEvents.ofRequest(connector, updateRequest, 1).get(0);
        assertEvent(updated, "lead.updated", leadId, leadId, org);
        List<String> changed = MAPPER.convertValue(updated.get("changed_fields"), List.class);
        assertTrue(changed.containsAll(List.of("name", "display_name", "status_id", "status_label")), changed::toString);
        assertEquals("Acme Corp", updated.at("/previous_data/name").asText());
        assertEquals("Potential", updated.at("/previous_data/status_label").asText());
        assertEquals("Acme Inc", updated.at("/data/name").asText());

        String deleteRequest = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", deleteRequest).delete("/api/v1/lead/" + leadId + "/")
                .then().statusCode(200);
        List<JsonNode> deleted = RelayedEvents.ofRequest(connector, deleteRequest, 2);
        assertEvent(deleted.get(0), "contact.deleted", contactId, leadId, org);
        assertEvent(deleted.get(1), "lead.deleted", leadId, leadId, org);
        assertTrue(deleted.get(1).get("data").isNull());
        assertEquals("Acme Inc", deleted.get(1).at("/previous_data/name").asText());
        assertEquals(contactId, deleted.get(1).at("/previous_data/contacts/0/id").asText());
    }

    @Test
    void anUpdateThatChangesNothingRecordsNoEvent() {
        TestOrganizations org = TestOrganizations.provisioned();
        String leadId = org.request().body("{\"name\": \"Same\"}").post("/api/v1/lead/").then().statusCode(200)
                .extract().path("id");

        String request = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", request).body("{\"name\": \"Same\"}")
                .put("/api/v1/lead/" + leadId + "/").then().statusCode(200);
        // A later event from the same organization proves the relay has passed the no-op update.
        String marker = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", marker).body("{\"name\": \"Marker\"}").post("/api/v1/lead/")
                .then().statusCode(200);
        RelayedEvents.assertNoneBefore(connector, request, marker);
    }

    private void assertEvent(JsonNode event, String type, String objectId, String leadId, TestOrganizations org) {
        String[] parts = type.split("\\.");
        assertEquals(parts[0], event.get("object_type").asText());
        assertEquals(parts[1], event.get("action").asText());
        assertEquals(objectId, event.get("object_id").asText());
        assertEquals(leadId, event.get("lead_id").asText());
        assertEquals(org.organizationId(), event.get("organization_id").asText());
        assertEquals(org.userId(), event.get("user_id").asText());
        assertTrue(event.get("id").asText().startsWith("ev_"));
        List<String> differences = EventContracts.differences(EventContracts.fixture(type), event);
        assertTrue(differences.isEmpty(), () -> type + " differs from its fixture: " + differences);
    }

    /** The custom fields this class's bodies name by placeholder. */
    static TestCustomFields customFields(TestOrganizations org) {
        return TestCustomFields.of(org)
                .define("lead", "cf_industry", "text", false);
    }
}
