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

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The events of {@code /contact/}: the contact's own, and {@code lead.updated} whenever a lead gains or loses a
 * contact (but not when an existing contact is edited).
 */
@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class ContactEventsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void addingEditingAndDeletingAContactIsRecorded() {
        TestOrganizations org = TestOrganizations.provisioned();
        String leadId = org.request().body("{\"name\": \"Acme Corp\"}").post("/api/v1/lead/").then().statusCode(200)
                .extract().path("id");

        String createRequest = RelayedEvents.newRequestId();
        String contactId = org.request().header("X-Request-Id", createRequest).body("""
                        {"lead_id": "%s", "name": "Wile E. Coyote", "title": "CEO",
                         "emails": [{"email": "wile@acme.example"}], "phones": [{"phone": "+14155551234"}],
                         "urls": [{"url": "https://wile.example"}]}""".formatted(leadId))
                .post("/api/v1/contact/").then().statusCode(200).extract().path("id");
        List<JsonNode> created = RelayedEvents.ofRequest(connector, createRequest, 2);
        assertEvent(created.get(0), "contact.created", contactId, leadId, org);
        assertEquals("POST", created.get(0).at("/meta/request_method").asText());
        assertLeadUpdated(created.get(1), leadId, org);
        assertTrue(changedFields(created.get(1)).containsAll(List.of("contact_ids", "contacts", "primary_email")));
        assertEquals(0, created.get(1).at("/previous_data/contact_ids").size());
        assertEquals(contactId, created.get(1).at("/data/contact_ids/0").asText());

        String updateRequest = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", updateRequest)
                .body("{\"name\": \"Wile E. Coyote, Genius\", \"title\": \"Chief Engineer\"}")
                .put("/api/v1/contact/" + contactId + "/").then().statusCode(200);
        List<JsonNode> updated = RelayedEvents.ofRequest(connector, updateRequest, 1);
        assertEvent(updated.get(0), "contact.updated", contactId, leadId, org);
        assertEquals(List.of("date_updated", "display_name", "name", "title"), changedFields(updated.get(0)));
        assertEquals("CEO", updated.get(0).at("/previous_data/title").asText());
        assertEquals("Chief Engineer", updated.get(0).at("/data/title").asText());

        String deleteRequest = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", deleteRequest).delete("/api/v1/contact/" + contactId + "/")
                .then().statusCode(200);
        List<JsonNode> deleted = RelayedEvents.ofRequest(connector, deleteRequest, 2);
        assertEvent(deleted.get(0), "contact.deleted", contactId, leadId, org);
        assertTrue(deleted.get(0).get("data").isNull());
        assertEquals("Wile E. Coyote, Genius", deleted.get(0).at("/previous_data/name").asText());
        assertLeadUpdated(deleted.get(1), leadId, org);
        assertEquals(contactId, deleted.get(1).at("/previous_data/contact_ids/0").asText());
        assertEquals(0, deleted.get(1).at("/data/contact_ids").size());
    }

    @Test
    void contactsAddedToOneLeadAtOnceEachSeeTheOthersInTheLeadEvent() throws Exception {
        TestOrganizations org = TestOrganizations.provisioned();
        String leadId = org.request().body("{\"name\": \"Busy\"}").post("/api/v1/lead/").then().extract().path("id");
        List<String> requests = List.of(RelayedEvents.newRequestId(), RelayedEvents.newRequestId(), RelayedEvents.newRequestId(), RelayedEvents.newRequestId());

        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (String request : requests) {
                statuses.add(pool.submit(() -> org.request().header("X-Request-Id", request)
                        .body("{\"lead_id\": \"%s\", \"name\": \"%s\"}".formatted(leadId, request))
                        .post("/api/v1/contact/").statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertEquals(200, status.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdown();
        }

        // Serialised on the lead, so the four lead.updated events show 1, 2, 3 and 4 contacts.
        Set<Integer> sizes = new TreeSet<>();
        for (String request : requests) {
            sizes.add(RelayedEvents.ofRequest(connector, request, 2).get(1).at("/data/contact_ids").size());
        }
        assertEquals(Set.of(1, 2, 3, 4), sizes);
    }

    @Test
    void aContactWithoutLeadRecordsItsNewLead() {
        TestOrganizations org = TestOrganizations.provisioned();

        String request = RelayedEvents.newRequestId();
        JsonPath contact = org.request().header("X-Request-Id", request).body("{\"name\": \"Road Runner\"}")
                .post("/api/v1/contact/").then().statusCode(200).extract().jsonPath();
        String leadId = contact.getString("lead_id");

        List<JsonNode> events = RelayedEvents.ofRequest(connector, request, 2);
        assertEvent(events.get(0), "lead.created", leadId, leadId, org);
        assertEquals("Road Runner", events.get(0).at("/data/name").asText());
        assertEquals(contact.getString("id"), events.get(0).at("/data/contact_ids/0").asText());
        assertEvent(events.get(1), "contact.created", contact.getString("id"), leadId, org);
    }

    @Test
    void movingAContactUpdatesItAndBothLeads() {
        TestOrganizations org = TestOrganizations.provisioned();
        String from = org.request().body("{\"name\": \"From\"}").post("/api/v1/lead/").then().extract().path("id");
        String to = org.request().body("{\"name\": \"To\"}").post("/api/v1/lead/").then().extract().path("id");
        String contactId = org.request().body("{\"lead_id\": \"%s\", \"name\": \"Wile\"}".formatted(from))
                .post("/api/v1/contact/").then().statusCode(200).extract().path("id");

        String request = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", request).body("{\"lead_id\": \"%s\"}".formatted(to))
                .put("/api/v1/contact/" + contactId + "/").then().statusCode(200);

        List<JsonNode> events = RelayedEvents.ofRequest(connector, request, 3);
        // previous_data holds only what changed, so only the envelope and data can match the fixture here.
        assertEnvelope(events.get(0), "contact.updated", contactId, to, org);
        assertShape("contact.updated", "data", events.get(0));
        assertEquals(List.of("date_updated", "lead_id"), changedFields(events.get(0)));
        assertEquals(from, events.get(0).at("/previous_data/lead_id").asText());
        assertLeadUpdated(events.get(1), from, org);
        assertEquals(0, events.get(1).at("/data/contact_ids").size());
        assertLeadUpdated(events.get(2), to, org);
        assertEquals(contactId, events.get(2).at("/data/contact_ids/0").asText());
    }

    @Test
    void editingAContactDoesNotUpdateItsLeadAndANoOpEditRecordsNothing() {
        TestOrganizations org = TestOrganizations.provisioned();
        String leadId = org.request().body("{\"name\": \"Acme\"}").post("/api/v1/lead/").then().extract().path("id");
        String contactId = org.request().body("{\"lead_id\": \"%s\", \"name\": \"Wile\"}".formatted(leadId))
                .post("/api/v1/contact/").then().statusCode(200).extract().path("id");

        String edit = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", edit).body("{\"title\": \"CEO\", \"lead_id\": \"%s\"}".formatted(leadId))
                .put("/api/v1/contact/" + contactId + "/").then().statusCode(200);
        String noOp = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", noOp).body("{\"title\": \"CEO\"}")
                .put("/api/v1/contact/" + contactId + "/").then().statusCode(200);
        // A later event from the same organization proves the relay has passed both updates.
        String marker = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", marker).body("{\"name\": \"Marker\"}").post("/api/v1/lead/")
                .then().statusCode(200);
        RelayedEvents.assertNoneBefore(connector, noOp, marker);

        List<JsonNode> edited = RelayedEvents.ofRequest(connector, edit, 1);
        assertEquals("contact.updated", edited.get(0).get("object_type").asText() + "."
                + edited.get(0).get("action").asText());
    }

    private void assertLeadUpdated(JsonNode event, String leadId, TestOrganizations org) {
        assertEquals("lead", event.get("object_type").asText());
        assertEquals("updated", event.get("action").asText());
        assertEquals(leadId, event.get("object_id").asText());
        assertEquals(leadId, event.get("lead_id").asText());
        assertEquals(org.organizationId(), event.get("organization_id").asText());
        List<String> changed = changedFields(event);
        assertTrue(changed.containsAll(List.of("contact_ids", "contacts", "date_updated")), changed::toString);
        assertShape("lead.updated", "data", event);
    }

    private void assertEvent(JsonNode event, String type, String objectId, String leadId, TestOrganizations org) {
        assertEnvelope(event, type, objectId, leadId, org);
        List<String> differences = EventContracts.differences(EventContracts.fixture(type), event);
        assertTrue(differences.isEmpty(), () -> type + " differs from its fixture: " + differences);
    }

    private static void assertShape(String type, String part, JsonNode event) {
        List<String> differences = EventContracts.differences(EventContracts.fixture(type).get(part), event.get(part));
        assertTrue(differences.isEmpty(), () -> type + " " + part + " differs from its fixture: " + differences);
    }

    private void assertEnvelope(JsonNode event, String type, String objectId, String leadId, TestOrganizations org) {
        String[] parts = type.split("\\.");
        assertEquals(parts[0], event.get("object_type").asText());
        assertEquals(parts[1], event.get("action").asText());
        assertEquals(objectId, event.get("object_id").asText());
        assertEquals(leadId, event.get("lead_id").asText());
        assertEquals(org.organizationId(), event.get("organization_id").asText());
        assertEquals(org.userId(), event.get("user_id").asText());
        assertTrue(event.get("id").asText().startsWith("ev_"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> changedFields(JsonNode event) {
        return MAPPER.convertValue(event.get("changed_fields"), List.class);
    }
}
