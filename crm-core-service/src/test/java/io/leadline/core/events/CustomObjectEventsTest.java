package io.leadline.core.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.core.TestOrganizations;
import io.leadline.platform.testing.EventContracts;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Events of custom object types, their fields and custom objects, compared with their fixtures. */
@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class CustomObjectEventsTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void typesFieldsAndObjectsRecordTheirChanges() {
        TestOrganizations org = TestOrganizations.provisioned();
        String type = write(org, "custom_object_type", "created", null, request -> request
                .body("{\"name\": \"Vehicle\", \"name_plural\": \"Vehicles\", \"description\": \"A car on the lease\","
                        + " \"editable_with_roles\": [\"admin\"]}")
                .post("/api/v1/custom_object_type/").then().statusCode(201).extract().path("id"));
        write(org, "custom_object_type", "updated", null, request -> request.body("{\"name\": \"Car\"}")
                .put("/api/v1/custom_object_type/" + type + "/").then().statusCode(200).extract().path("id"));

        String field = write(org, "custom_fields.custom_object", "created", null, request -> request
                .body("{\"name\": \"Size\", \"type\": \"choices\", \"choices\": [\"Small\", \"Large\"],"
                        + " \"custom_object_type_id\": \"" + type + "\"}")
                .post("/api/v1/custom_field/custom_object_type/").then().statusCode(201).extract().path("id"));
        write(org, "custom_fields.custom_object", "updated", null, request -> request.body("{\"name\": \"Company size\"}")
                .put("/api/v1/custom_field/custom_object_type/" + field + "/").then().statusCode(200).extract().path("id"));

        String lead = org.request().body("{\"name\": \"Acme\"}").post("/api/v1/lead/").then().extract().path("id");
        String object = write(org, "custom_object", "created", lead, request -> request
                .body(Map.of("custom_object_type_id", type, "lead_id", lead, "name", "Truck 1", "custom." + field, "Small"))
                .post("/api/v1/custom_object/").then().statusCode(201).extract().path("id"));
        write(org, "custom_object", "updated", lead, request -> request.body("{\"name\": \"Truck 2\"}")
                .put("/api/v1/custom_object/" + object + "/").then().statusCode(200).extract().path("id"));
        write(org, "custom_object", "deleted", lead, request -> {
            request.delete("/api/v1/custom_object/" + object + "/").then().statusCode(204);
            return object;
        });
        write(org, "custom_fields.custom_object", "deleted", null, request -> {
            request.delete("/api/v1/custom_field/custom_object_type/" + field + "/").then().statusCode(204);
            return field;
        });
        write(org, "custom_object_type", "deleted", null, request -> {
            request.delete("/api/v1/custom_object_type/" + type + "/").then().statusCode(204);
            return type;
        });
    }

    @Test
    void anAssociationIsAChangeOfItsSharedField() {
        TestOrganizations org = TestOrganizations.provisioned();
        String type = org.request().body("{\"name\": \"Vehicle\", \"name_plural\": \"Vehicles\"}")
                .post("/api/v1/custom_object_type/").then().statusCode(201).extract().path("id");
        String field = org.request().body("{\"name\": \"Size\", \"type\": \"text\"}")
                .post("/api/v1/custom_field/shared/").then().statusCode(200).extract().path("id");
        String requestId = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", requestId)
                .body("{\"object_type\": \"custom_object_type\", \"custom_object_type_id\": \"" + type + "\"}")
                .post("/api/v1/custom_field/shared/" + field + "/association/").then().statusCode(201);
        JsonNode event = RelayedEvents.ofRequest(connector, requestId, 1).get(0);
        assertEquals("custom_fields.shared", event.get("object_type").asText());
        assertEquals("updated", event.get("action").asText());
        assertEquals("[\"associations\",\"date_updated\"]", event.get("changed_fields").toString());
        assertEquals(0, event.at("/previous_data/associations").size());
        // The fixture shows a rename; the data's shape is the same for every update.
        List<String> differences = EventContracts.differences(
                EventContracts.fixture("custom_fields.shared.updated").get("data"), event.get("data"));
        assertTrue(differences.isEmpty(), () -> "custom_fields.shared data differs from its fixture: " + differences);
        assertEquals(type, event.at("/data/associations/0/custom_object_type_id").asText());
    }

    @Test
    void aDeletedFieldsValuesLeaveEveryObjectWithItsUpdatedEvent() {
        TestOrganizations org = TestOrganizations.provisioned();
        String leadField = org.request().body("{\"name\": \"Gone\", \"type\": \"text\"}")
                .post("/api/v1/custom_field/lead/").then().statusCode(200).extract().path("id");
        String contactField = org.request().body("{\"name\": \"Gone\", \"type\": \"text\"}")
                .post("/api/v1/custom_field/contact/").then().statusCode(200).extract().path("id");
        String type = org.request().body("{\"name\": \"Vehicle\", \"name_plural\": \"Vehicles\"}")
                .post("/api/v1/custom_object_type/").then().statusCode(201).extract().path("id");
        String objectField = org.request().body("{\"name\": \"Seats\", \"type\": \"number\", \"custom_object_type_id\": \""
                + type + "\"}").post("/api/v1/custom_field/custom_object_type/").then().statusCode(201).extract().path("id");
        String lead = org.request().body(Map.of("name", "Acme", "custom." + leadField, "x",
                        "contacts", List.of(Map.of("name", "Ann", "custom." + contactField, "y"))))
                .post("/api/v1/lead/").then().statusCode(200).extract().path("id");
        org.request().body(Map.of("name", "Other")).post("/api/v1/lead/").then().statusCode(200);
        for (String name : List.of("Car", "Van")) {
            org.request().body(Map.of("custom_object_type_id", type, "lead_id", lead, "name", name, "custom." + objectField, 4))
                    .post("/api/v1/custom_object/").then().statusCode(201);
        }

        String deleteLeadField = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", deleteLeadField).delete("/api/v1/custom_field/lead/" + leadField + "/")
                .then().statusCode(200);
        List<JsonNode> events = RelayedEvents.ofRequest(connector, deleteLeadField, 2);
        assertEquals("custom_fields.lead", events.get(0).get("object_type").asText());
        assertRemoved(events.get(1), "lead", lead, leadField, "x");

        String deleteContactField = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", deleteContactField)
                .delete("/api/v1/custom_field/contact/" + contactField + "/").then().statusCode(200);
        assertRemoved(RelayedEvents.ofRequest(connector, deleteContactField, 2).get(1), "contact", null, contactField, "y");

        String deleteObjectField = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", deleteObjectField)
                .delete("/api/v1/custom_field/custom_object_type/" + objectField + "/").then().statusCode(204);
        List<JsonNode> objectEvents = RelayedEvents.ofRequest(connector, deleteObjectField, 3);
        assertEquals("custom_fields.custom_object", objectEvents.get(0).get("object_type").asText());
        assertRemoved(objectEvents.get(1), "custom_object", null, objectField, "4");
        assertRemoved(objectEvents.get(2), "custom_object", null, objectField, "4");
        List<String> differences = EventContracts.differences(EventContracts.fixture("custom_object.updated").get("data"),
                objectEvents.get(1).get("data"));
        assertTrue(differences.isEmpty(), () -> "custom_object.updated data differs from its fixture: " + differences);
    }

    private static void assertRemoved(JsonNode event, String objectType, String objectId, String fieldId, String value) {
        assertEquals(objectType, event.get("object_type").asText());
        assertEquals("updated", event.get("action").asText());
        if (objectId != null) {
            assertEquals(objectId, event.get("object_id").asText());
        }
        assertTrue(event.get("changed_fields").toString().contains("custom." + fieldId), event::toString);
        assertEquals(value, event.get("previous_data").get("custom." + fieldId).asText());
        assertTrue(event.get("data").get("custom." + fieldId) == null, event::toString);
    }

    @Test
    void aLeadsDeletionDeletesItsObjectsFirst() {
        TestOrganizations org = TestOrganizations.provisioned();
        String type = org.request().body("{\"name\": \"Vehicle\", \"name_plural\": \"Vehicles\"}")
                .post("/api/v1/custom_object_type/").then().statusCode(201).extract().path("id");
        String lead = org.request().body("{\"name\": \"Acme\"}").post("/api/v1/lead/").then().extract().path("id");
        String object = org.request().body(Map.of("custom_object_type_id", type, "lead_id", lead, "name", "Truck 1"))
                .post("/api/v1/custom_object/").then().statusCode(201).extract().path("id");
        String delete = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", delete).delete("/api/v1/lead/" + lead + "/").then().statusCode(200);
        List<JsonNode> events = RelayedEvents.ofRequest(connector, delete, 2);
        assertEquals("custom_object", events.get(0).get("object_type").asText());
        assertEquals(object, events.get(0).get("object_id").asText());
        assertEquals("deleted", events.get(0).get("action").asText());
        assertEquals("lead", events.get(1).get("object_type").asText());
    }

    /** Runs the write under a fresh request id; its one event must match the fixture. Answers the written id. */
    private String write(TestOrganizations org, String objectType, String action, String leadId,
                         Function<RequestSpecification, String> request) {
        String requestId = RelayedEvents.newRequestId();
        String id = request.apply(org.request().header("X-Request-Id", requestId));
        JsonNode event = RelayedEvents.ofRequest(connector, requestId, 1).get(0);
        assertEquals(objectType, event.get("object_type").asText());
        assertEquals(action, event.get("action").asText());
        assertEquals(id, event.get("object_id").asText());
        assertEquals(leadId, event.get("lead_id").isNull() ? null : event.get("lead_id").asText());
        assertEquals(org.organizationId(), event.get("organization_id").asText());
        String type = objectType + "." + action;
        List<String> differences = EventContracts.differences(EventContracts.fixture(type), event);
        assertTrue(differences.isEmpty(), () -> type + " differs from its fixture: " + differences);
        return id;
    }
}
