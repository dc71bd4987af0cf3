package io.leadline.core.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/** The events of a lead merge: every moved object, both leads, and one lead.merged, all naming both leads. */
@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class LeadMergeEventsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void aMergeRecordsEveryMoveTheDestinationsUpdateTheSourcesDeletionAndOneMergedEvent() {
        TestOrganizations org = TestOrganizations.provisioned();
        JsonPath destination = org.request().body("{\"name\": \"Acme\", \"contacts\": [{\"name\": \"Wile\"}]}")
                .post("/api/v1/lead/").then().statusCode(200).extract().jsonPath();
        JsonPath source = org.request().body("{\"name\": \"Acme Corp\", \"description\": \"Anvils\","
                        + " \"contacts\": [{\"name\": \"Road Runner\"}]}")
                .post("/api/v1/lead/").then().statusCode(200).extract().jsonPath();
        String destinationId = destination.getString("id");
        String sourceId = source.getString("id");
        String contactId = source.getString("contacts[0].id");
        String opportunityId = org.request().body("{\"lead_id\": \"" + sourceId + "\", \"value\": 500}")
                .post("/api/v1/opportunity/").then().statusCode(200).extract().path("id");
        String taskId = org.request().body("{\"lead_id\": \"" + sourceId + "\", \"text\": \"Call\"}")
                .post("/api/v1/task/").then().statusCode(200).extract().path("id");

        String request = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", request)
                .body("{\"source\": \"" + sourceId + "\", \"destination\": \"" + destinationId + "\"}")
                .post("/api/v1/lead/merge/").then().statusCode(200);

        List<JsonNode> events = RelayedEvents.ofRequest(connector, request, 6);
        assertEvent(events.get(0), "contact.updated", contactId, destinationId);
        assertEquals(sourceId, events.get(0).at("/previous_data/lead_id").asText());
        assertEvent(events.get(1), "opportunity.updated", opportunityId, destinationId);
        assertEquals(List.of("date_updated", "lead_id", "lead_name"), strings(events.get(1).get("changed_fields")));
        assertEvent(events.get(2), "task.lead.updated", taskId, destinationId);
        assertEquals(destinationId, events.get(2).at("/data/lead_id").asText());
        assertEvent(events.get(3), "lead.updated", destinationId, destinationId);
        assertTrue(strings(events.get(3).get("changed_fields"))
                .containsAll(List.of("contact_ids", "contacts", "description", "opportunities", "tasks")));
        assertEquals("", events.get(3).at("/previous_data/description").asText());
        assertEvent(events.get(4), "lead.deleted", sourceId, sourceId);
        assertEquals("Acme Corp", events.get(4).at("/previous_data/name").asText());

        JsonNode merged = events.get(5);
        assertEvent(merged, "lead.merged", destinationId, destinationId);
        assertEquals(destinationId, merged.at("/data/id").asText());
        assertEquals("Anvils", merged.at("/data/description").asText());
        assertEquals(List.of(destination.getString("contacts[0].id"), contactId), strings(merged.at("/data/contact_ids")));
        assertEquals(opportunityId, merged.at("/data/opportunities/0/id").asText());
        assertEquals(taskId, merged.at("/data/tasks/0/id").asText());
        for (JsonNode event : events) {
            assertEquals(sourceId, event.at("/meta/merge_source_lead_id").asText(), event::toString);
            assertEquals(destinationId, event.at("/meta/merge_destination_lead_id").asText(), event::toString);
            assertEquals("POST", event.at("/meta/request_method").asText());
        }
    }

    @Test
    void aRefusedMergeRecordsNoEvent() {
        TestOrganizations org = TestOrganizations.provisioned();
        String leadId = org.request().body("{\"name\": \"Acme\"}").post("/api/v1/lead/").then().statusCode(200)
                .extract().path("id");
        String request = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", request)
                .body("{\"source\": \"" + leadId + "\", \"destination\": \"lead_unknown\"}")
                .post("/api/v1/lead/merge/").then().statusCode(400);
        // A later request that does write an event proves the relay has passed the refused merge.
        String marker = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", marker).body("{\"name\": \"Marker\"}").post("/api/v1/lead/")
                .then().statusCode(200);
        RelayedEvents.assertNoneBefore(connector, request, marker);
    }

    /** Kind, ids and shape; merge events carry two more meta keys than the ordinary fixtures show. */
    private static void assertEvent(JsonNode event, String type, String objectId, String leadId) {
        int split = type.lastIndexOf('.');
        assertEquals(type.substring(0, split), event.get("object_type").asText());
        assertEquals(type.substring(split + 1), event.get("action").asText());
        assertEquals(objectId, event.get("object_id").asText());
        assertEquals(leadId, event.get("lead_id").asText());
        JsonNode fixture = EventContracts.fixture(type);
        ObjectNode shape = event.deepCopy();
        if (!"lead.merged".equals(type)) {
            ((ObjectNode) shape.get("meta")).remove(List.of("merge_source_lead_id", "merge_destination_lead_id"));
        }
        if ("updated".equals(event.get("action").asText())) {
            // previous_data holds the changed fields, which differ per change; they are asserted one by one.
            shape.set("previous_data", fixture.get("previous_data"));
        }
        List<String> differences = EventContracts.differences(fixture, shape);
        assertTrue(differences.isEmpty(), () -> type + " differs from its fixture: " + differences);
    }

    private static List<String> strings(JsonNode array) {
        return MAPPER.convertValue(array, MAPPER.getTypeFactory().constructCollectionType(List.class, String.class));
    }
}
