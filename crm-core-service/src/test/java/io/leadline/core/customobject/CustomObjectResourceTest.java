package io.leadline.core.customobject;

import io.leadline.core.Database;
import io.leadline.core.TestOrganizations;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Custom object types, their fields and schema, and custom objects on leads (real PostgreSQL). */
@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class CustomObjectResourceTest {

    @Inject
    Database database;

    @Test
    void typesAreCreatedReadUpdatedAndDeletedByAdminsOnly() {
        TestOrganizations org = TestOrganizations.provisioned();
        String id = org.request().body("""
                        {"name": " Vehicle ", "name_plural": "Vehicles", "description": "Leased cars",
                         "editable_with_roles": ["admin", "user"], "fields": ["ignored"]}""")
                .post("/api/v1/custom_object_type/").then().statusCode(201)
                .body("id", matchesPattern("cotype_[0-9A-Za-z]{43}"))
                .body("name", equalTo("Vehicle"))
                .body("name_plural", equalTo("Vehicles"))
                .body("description", equalTo("Leased cars"))
                .body("api_create_only", equalTo(false))
                .body("is_archived", equalTo(false))
                .body("editable_with_roles", contains("admin", "user"))
                .body("fields", empty())
                .body("back_reference_fields", empty())
                .body("created_by", equalTo(org.userId()))
                .extract().path("id");
        org.request().get("/api/v1/custom_object_type/" + id + "/").then().statusCode(200).body("name", equalTo("Vehicle"));
        org.request().get("/api/v1/custom_object_type/").then().statusCode(200).body("data.id", contains(id));
        org.request().body("{\"name\": \"Car\", \"is_archived\": true, \"api_create_only\": true}")
                .put("/api/v1/custom_object_type/" + id + "/").then().statusCode(200)
                .body("name", equalTo("Car")).body("name_plural", equalTo("Vehicles"))
                .body("is_archived", equalTo(true)).body("api_create_only", equalTo(true));

        RequestSpecification member = org.requestAs("user");
        member.body("{\"name\": \"X\", \"name_plural\": \"Xs\"}").post("/api/v1/custom_object_type/").then().statusCode(403);
        member.body("{\"name\": \"X\"}").put("/api/v1/custom_object_type/" + id + "/").then().statusCode(403);
        member.delete("/api/v1/custom_object_type/" + id + "/").then().statusCode(403);
        member.get("/api/v1/custom_object_type/" + id + "/").then().statusCode(200);

        TestOrganizations other = TestOrganizations.provisioned();
        other.request().get("/api/v1/custom_object_type/" + id + "/").then().statusCode(404);
        other.request().body("{\"name\": \"Mine\"}").put("/api/v1/custom_object_type/" + id + "/").then().statusCode(404);
        other.request().delete("/api/v1/custom_object_type/" + id + "/").then().statusCode(404);
        other.request().get("/api/v1/custom_object_type/").then().statusCode(200).body("data", empty());

        org.request().delete("/api/v1/custom_object_type/" + id + "/").then().statusCode(204);
        org.request().get("/api/v1/custom_object_type/" + id + "/").then().statusCode(404);
    }

    @Test
    void badTypesAndFieldsAreRefusedAndNothingIsWritten() {
        TestOrganizations org = TestOrganizations.provisioned();
        org.request().body("{\"name\": \"  \", \"editable_with_roles\": \"admin\", \"is_archived\": \"maybe\"}")
                .post("/api/v1/custom_object_type/").then().statusCode(400)
                .body("'field-errors'", hasKey("name"))
                .body("'field-errors'", hasKey("name_plural"))
                .body("'field-errors'", hasKey("editable_with_roles"))
                .body("'field-errors'", hasKey("is_archived"));
        org.request().body("{\"name\": \"Size\", \"type\": \"text\"}").post("/api/v1/custom_field/custom_object_type/")
                .then().statusCode(400).body("'field-errors'", hasKey("custom_object_type_id"));
        org.request().body("{\"name\": \"Size\", \"type\": \"text\", \"custom_object_type_id\": \"cotype_nope\"}")
                .post("/api/v1/custom_field/custom_object_type/").then().statusCode(400)
                .body("'field-errors'", hasKey("custom_object_type_id"));
        org.request().body("{\"name\": \"Car\", \"type\": \"custom_object\"}").post("/api/v1/custom_field/lead/")
                .then().statusCode(400).body("'field-errors'", hasKey("referenced_custom_type_id"));
        org.request().body("{\"name\": \"Car\", \"type\": \"text\", \"referenced_custom_type_id\": \"cotype_x\"}")
                .post("/api/v1/custom_field/lead/").then().statusCode(400)
                .body("'field-errors'", hasKey("referenced_custom_type_id"));
        // Another organization's type is no reference.
        String theirs = type(TestOrganizations.provisioned(), "Boat");
        org.request().body("{\"name\": \"Car\", \"type\": \"custom_object\", \"referenced_custom_type_id\": \"" + theirs + "\"}")
                .post("/api/v1/custom_field/lead/").then().statusCode(400)
                .body("'field-errors'", hasKey("referenced_custom_type_id"));
        assertEquals(0, database.count("custom_object_type", org.organizationId()));
        assertEquals(0, database.count("custom_field", org.organizationId()));
        assertEquals(0, database.count("outbox_event", org.organizationId()));
    }

    @Test
    void objectsLiveOnALeadWithTheTypesValues() {
        TestOrganizations org = TestOrganizations.provisioned();
        String vehicle = type(org, "Vehicle");
        String seats = field(org, vehicle, "{\"name\": \"Seats\", \"type\": \"number\", \"required\": true}");
        String driver = field(org, vehicle, "{\"name\": \"Driver\", \"type\": \"contact\"}");
        String color = field(org, vehicle, "{\"name\": \"Color\", \"type\": \"choices\", \"choices\": [\"Red\", \"Blue\"]}");
        String lead = org.request().body("{\"name\": \"Acme\", \"contacts\": [{\"name\": \"Ann\"}]}")
                .post("/api/v1/lead/").then().statusCode(200).extract().path("id");
        String ann = org.request().get("/api/v1/lead/" + lead + "/").then().extract().path("contacts[0].id");

        org.request().get("/api/v1/custom_object_type/" + vehicle + "/").then().statusCode(200)
                .body("fields.id", contains(seats, driver, color))
                .body("fields[0].custom_object_type_id", equalTo(vehicle));
        org.request().get("/api/v1/custom_field/custom_object_type/").then().statusCode(200)
                .body("data.id", contains(seats, driver, color));
        org.request().queryParam("custom_object_type_id", vehicle).get("/api/v1/custom_field/custom_object_type/")
                .then().statusCode(200).body("data.size()", equalTo(3));
        org.request().get("/api/v1/custom_field_schema/custom_object/" + vehicle + "/").then().statusCode(200)
                .body("fields.id", contains(seats, driver, color));
        org.request().body("{\"fields\": [{\"id\": \"" + color + "\"}]}")
                .put("/api/v1/custom_field_schema/custom_object/" + vehicle + "/").then().statusCode(200)
                .body("fields.id", contains(color, seats, driver));
        org.request().get("/api/v1/custom_field_schema/custom_object/" + vehicle + "/").then().statusCode(200)
                .body("fields.id", contains(color, seats, driver));
        TestOrganizations.provisioned().request().get("/api/v1/custom_field_schema/custom_object/" + vehicle + "/")
                .then().statusCode(404);

        String truck = org.request().body(Map.of("custom_object_type_id", vehicle, "lead_id", lead, "name", "Truck",
                        "custom." + seats, "3", "custom." + driver, ann, "custom." + color, "Red"))
                .post("/api/v1/custom_object/").then().statusCode(201)
                .body("id", matchesPattern("custobj_[0-9A-Za-z]{43}"))
                .body("custom_object_type_id", equalTo(vehicle))
                .body("lead_id", equalTo(lead))
                .body("name", equalTo("Truck"))
                .body("'custom." + seats + "'", equalTo(3))
                .body("'custom." + driver + "'", equalTo(ann))
                .extract().path("id");
        org.request().get("/api/v1/custom_object/" + truck + "/").then().statusCode(200)
                .body("'custom." + color + "'", equalTo("Red"));
        org.request().queryParam("lead_id", lead).get("/api/v1/custom_object/").then().statusCode(200)
                .body("data.id", contains(truck)).body("has_more", equalTo(false));
        org.request().queryParam("lead_id", lead).queryParam("custom_object_type_id", "cotype_other")
                .get("/api/v1/custom_object/").then().statusCode(200).body("data", empty());
        org.request().get("/api/v1/custom_object/").then().statusCode(400).body("'field-errors'", hasKey("lead_id"));

        org.request().body(Map.of("name", "Big truck", "custom." + color, "Blue")).put("/api/v1/custom_object/" + truck + "/")
                .then().statusCode(200).body("name", equalTo("Big truck")).body("'custom." + color + "'", equalTo("Blue"))
                .body("'custom." + seats + "'", equalTo(3));

        // Refusals name their keys and write nothing.
        long events = database.count("outbox_event", org.organizationId());
        org.request().body(Map.of("custom_object_type_id", vehicle, "lead_id", lead, "name", "Van",
                        "custom." + color, "Green", "custom.cf_unknown", "x", "custom." + driver, "cont_nope"))
                .post("/api/v1/custom_object/").then().statusCode(400)
                .body("'field-errors'", hasKey("custom." + seats))
                .body("'field-errors'", hasKey("custom." + color))
                .body("'field-errors'", hasKey("custom.cf_unknown"))
                .body("'field-errors'", hasKey("custom." + driver));
        org.request().body("{}").post("/api/v1/custom_object/").then().statusCode(400)
                .body("'field-errors'", hasKey("custom_object_type_id"))
                .body("'field-errors'", hasKey("lead_id"))
                .body("'field-errors'", hasKey("name"));
        org.request().body(Map.of("custom." + seats, List.of())).put("/api/v1/custom_object/" + truck + "/")
                .then().statusCode(400).body("'field-errors'", hasKey("custom." + seats));
        org.request().body(Map.of("lead_id", "lead_other")).put("/api/v1/custom_object/" + truck + "/")
                .then().statusCode(400).body("'field-errors'", hasKey("lead_id"));
        TestOrganizations other = TestOrganizations.provisioned();
        String theirLead = other.request().body("{\"name\": \"Theirs\"}").post("/api/v1/lead/").then().extract().path("id");
        org.request().body(Map.of("custom_object_type_id", vehicle, "lead_id", theirLead, "name", "Van", "custom." + seats, 1))
                .post("/api/v1/custom_object/").then().statusCode(400).body("'field-errors'", hasKey("lead_id"));
        other.request().body(Map.of("custom_object_type_id", vehicle, "lead_id", theirLead, "name", "Van"))
                .post("/api/v1/custom_object/").then().statusCode(400)
                .body("'field-errors'", hasKey("custom_object_type_id"));
        assertEquals(events, database.count("outbox_event", org.organizationId()));
        assertEquals(1, database.count("custom_object", org.organizationId()));

        other.request().get("/api/v1/custom_object/" + truck + "/").then().statusCode(404);
        other.request().body("{\"name\": \"Mine\"}").put("/api/v1/custom_object/" + truck + "/").then().statusCode(404);
        other.request().delete("/api/v1/custom_object/" + truck + "/").then().statusCode(404);
        other.request().queryParam("lead_id", lead).get("/api/v1/custom_object/").then().statusCode(200)
                .body("data", empty());

        // A type with objects can't be deleted; its objects go first.
        org.request().delete("/api/v1/custom_object_type/" + vehicle + "/").then().statusCode(400)
                .body("error", not(nullValue()));
        org.request().delete("/api/v1/custom_object/" + truck + "/").then().statusCode(204);
        org.request().get("/api/v1/custom_object/" + truck + "/").then().statusCode(404);
        org.request().delete("/api/v1/custom_object_type/" + vehicle + "/").then().statusCode(204);
        assertEquals(0, database.count("custom_field", org.organizationId()));
    }

    @Test
    void typeRolesLimitWhoChangesObjects() {
        TestOrganizations org = TestOrganizations.provisioned();
        String vault = org.request().body("{\"name\": \"Vault\", \"name_plural\": \"Vaults\", \"editable_with_roles\": [\"manager\"]}")
                .post("/api/v1/custom_object_type/").then().statusCode(201).extract().path("id");
        String lead = org.request().body("{\"name\": \"Acme\"}").post("/api/v1/lead/").then().extract().path("id");
        String body = "{\"custom_object_type_id\": \"" + vault + "\", \"lead_id\": \"" + lead + "\", \"name\": \"V\"}";
        org.requestAs("user").body(body).post("/api/v1/custom_object/").then().statusCode(403);
        String id = org.requestAs("manager").body(body).post("/api/v1/custom_object/").then().statusCode(201)
                .extract().path("id");
        org.requestAs("user").body("{\"name\": \"W\"}").put("/api/v1/custom_object/" + id + "/").then().statusCode(403);
        org.requestAs("user").delete("/api/v1/custom_object/" + id + "/").then().statusCode(403);
        org.requestAs("user").get("/api/v1/custom_object/" + id + "/").then().statusCode(200);
        org.request().delete("/api/v1/custom_object/" + id + "/").then().statusCode(204);
    }

    @Test
    void customObjectFieldsNameObjectsOfTheSameLeadAndType() {
        TestOrganizations org = TestOrganizations.provisioned();
        String vehicle = type(org, "Vehicle");
        String boat = type(org, "Boat");
        String fleet = org.request().body("{\"name\": \"Fleet\", \"type\": \"custom_object\", \"accepts_multiple_values\": true,"
                        + " \"referenced_custom_type_id\": \"" + vehicle + "\"}")
                .post("/api/v1/custom_field/lead/").then().statusCode(200)
                .body("referenced_custom_type_id", equalTo(vehicle)).extract().path("id");
        org.request().get("/api/v1/custom_object_type/" + vehicle + "/").then().statusCode(200)
                .body("back_reference_fields.id", contains(fleet));
        String lead = org.request().body("{\"name\": \"Acme\"}").post("/api/v1/lead/").then().extract().path("id");
        String otherLead = org.request().body("{\"name\": \"Other\"}").post("/api/v1/lead/").then().extract().path("id");
        String car = object(org, vehicle, lead, "Car");
        String van = object(org, vehicle, lead, "Van");
        String yacht = object(org, boat, lead, "Yacht");
        String elsewhere = object(org, vehicle, otherLead, "Far");

        org.request().body(Map.of("custom." + fleet, List.of(car, van))).put("/api/v1/lead/" + lead + "/")
                .then().statusCode(200).body("'custom." + fleet + "'", contains(car, van));
        for (String wrong : List.of(yacht, elsewhere, "custobj_nope")) {
            org.request().body(Map.of("custom." + fleet + ".add", wrong)).put("/api/v1/lead/" + lead + "/")
                    .then().statusCode(400).body("'field-errors'", hasKey("custom." + fleet + ".add"));
        }
        // A field with values can't change what it references.
        org.request().body(Map.of("referenced_custom_type_id", boat)).put("/api/v1/custom_field/lead/" + fleet + "/")
                .then().statusCode(400).body("'field-errors'", hasKey("referenced_custom_type_id"));
    }

    @Test
    void aDeletedObjectLeavesTheValuesNamingIt() {
        TestOrganizations org = TestOrganizations.provisioned();
        String vehicle = type(org, "Vehicle");
        String fleet = org.request().body("{\"name\": \"Fleet\", \"type\": \"custom_object\", \"accepts_multiple_values\": true,"
                + " \"referenced_custom_type_id\": \"" + vehicle + "\"}").post("/api/v1/custom_field/lead/").then()
                .statusCode(200).extract().path("id");
        String drives = org.request().body("{\"name\": \"Drives\", \"type\": \"custom_object\","
                + " \"referenced_custom_type_id\": \"" + vehicle + "\"}").post("/api/v1/custom_field/contact/").then()
                .statusCode(200).extract().path("id");
        String lead = org.request().body("{\"name\": \"Acme\"}").post("/api/v1/lead/").then().extract().path("id");
        String car = object(org, vehicle, lead, "Car");
        String van = object(org, vehicle, lead, "Van");
        org.request().body(Map.of("custom." + fleet, List.of(car, van))).put("/api/v1/lead/" + lead + "/")
                .then().statusCode(200);
        String contact = org.request().body(Map.of("lead_id", lead, "name", "Ann", "custom." + drives, car))
                .post("/api/v1/contact/").then().statusCode(200).extract().path("id");

        org.request().delete("/api/v1/custom_object/" + car + "/").then().statusCode(204);
        org.request().get("/api/v1/lead/" + lead + "/").then().statusCode(200)
                .body("'custom." + fleet + "'", contains(van));
        org.request().get("/api/v1/contact/" + contact + "/").then().statusCode(200)
                .body("$", not(hasKey("custom." + drives)));
        // another organization can't delete the remaining one
        TestOrganizations.provisioned().request().delete("/api/v1/custom_object/" + van + "/").then().statusCode(404);
    }

    @Test
    void objectsFollowTheirLeadThroughMergeAndDeletion() {
        TestOrganizations org = TestOrganizations.provisioned();
        String vehicle = type(org, "Vehicle");
        String source = org.request().body("{\"name\": \"Source\"}").post("/api/v1/lead/").then().extract().path("id");
        String destination = org.request().body("{\"name\": \"Destination\"}").post("/api/v1/lead/").then().extract().path("id");
        String car = object(org, vehicle, source, "Car");
        String van = object(org, vehicle, destination, "Van");

        org.request().body(Map.of("source", source, "destination", destination)).post("/api/v1/lead/merge/")
                .then().statusCode(200);
        org.request().get("/api/v1/custom_object/" + car + "/").then().statusCode(200).body("lead_id", equalTo(destination));
        org.request().queryParam("lead_id", destination).get("/api/v1/custom_object/").then().statusCode(200)
                .body("data.id", contains(car, van));

        org.request().delete("/api/v1/lead/" + destination + "/").then().statusCode(200);
        org.request().get("/api/v1/custom_object/" + car + "/").then().statusCode(404);
        assertEquals(0, database.count("custom_object", org.organizationId()));
    }

    @Test
    void deletingAFieldRemovesItsValuesFromObjects() {
        TestOrganizations org = TestOrganizations.provisioned();
        String vehicle = type(org, "Vehicle");
        String seats = field(org, vehicle, "{\"name\": \"Seats\", \"type\": \"number\"}");
        String lead = org.request().body("{\"name\": \"Acme\"}").post("/api/v1/lead/").then().extract().path("id");
        String car = org.request().body(Map.of("custom_object_type_id", vehicle, "lead_id", lead, "name", "Car",
                "custom." + seats, 4)).post("/api/v1/custom_object/").then().statusCode(201).extract().path("id");
        org.request().delete("/api/v1/custom_field/custom_object_type/" + seats + "/").then().statusCode(204);
        database.awaitCustomFieldJobs(org.organizationId());
        org.request().get("/api/v1/custom_object/" + car + "/").then().statusCode(200)
                .body("$", not(hasKey("custom." + seats)));
    }

    static String type(TestOrganizations org, String name) {
        return org.request().body("{\"name\": \"" + name + "\", \"name_plural\": \"" + name + "s\"}")
                .post("/api/v1/custom_object_type/").then().statusCode(201).extract().path("id");
    }

    static String field(TestOrganizations org, String typeId, String body) {
        String withType = body.substring(0, body.length() - 1) + ", \"custom_object_type_id\": \"" + typeId + "\"}";
        return org.request().body(withType).post("/api/v1/custom_field/custom_object_type/").then().statusCode(201)
                .extract().path("id");
    }

    static String object(TestOrganizations org, String typeId, String leadId, String name) {
        return org.request().body(Map.of("custom_object_type_id", typeId, "lead_id", leadId, "name", name))
                .post("/api/v1/custom_object/").then().statusCode(201).extract().path("id");
    }
}
