package io.leadline.core.custom;

import io.leadline.core.Database;
import io.leadline.core.TestOrganizations;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Shared fields' associations: where their values may be set, per-association roles and requirement, schemas. */
@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class SharedFieldAssociationTest {

    @Inject
    Database database;

    @Test
    void anAssociatedSharedFieldIsAFieldOfTheObjectTypeUntilDisassociated() {
        TestOrganizations org = TestOrganizations.provisioned();
        String region = shared(org, "Region");
        String own = org.request().body("{\"name\": \"Tier\", \"type\": \"text\"}").post("/api/v1/custom_field/lead/")
                .then().statusCode(200).extract().path("id");
        String lead = org.request().body("{\"name\": \"Acme\"}").post("/api/v1/lead/").then().extract().path("id");
        org.request().body(Map.of("custom." + region, "EMEA")).put("/api/v1/lead/" + lead + "/").then().statusCode(400)
                .body("'field-errors'", hasKey("custom." + region));

        org.request().body("{\"object_type\": \"lead\"}").post("/api/v1/custom_field/shared/" + region + "/association/")
                .then().statusCode(201)
                .body("object_type", equalTo("lead"))
                .body("custom_activity_type_id", nullValue())
                .body("custom_object_type_id", nullValue())
                .body("required", equalTo(false))
                .body("editable_with_roles", empty());
        org.request().get("/api/v1/custom_field/shared/" + region + "/").then().statusCode(200)
                .body("associations.object_type", contains("lead"));
        org.request().get("/api/v1/custom_field/shared/" + region + "/association/lead/").then().statusCode(200)
                .body("object_type", equalTo("lead"));
        org.request().get("/api/v1/custom_field/shared/" + region + "/association/contact/").then().statusCode(404);
        org.request().get("/api/v1/custom_field/shared/" + region + "/association/custom_object_type/").then().statusCode(404);
        org.request().get("/api/v1/custom_field/shared/" + region + "/association/lead/x/").then().statusCode(404);

        org.request().body(Map.of("custom." + region, "EMEA")).put("/api/v1/lead/" + lead + "/").then().statusCode(200)
                .body("'custom." + region + "'", equalTo("EMEA"));
        org.request().queryParam("custom." + region, "EMEA").get("/api/v1/lead/").then().statusCode(200)
                .body("data.id", contains(lead));
        // Contacts don't have it.
        org.request().body(Map.of("lead_id", lead, "name", "Ann", "custom." + region, "EMEA")).post("/api/v1/contact/")
                .then().statusCode(400).body("'field-errors'", hasKey("custom." + region));

        // The lead schema shows it after the lead's own fields; a reorder moves it for leads only.
        org.request().get("/api/v1/custom_field_schema/lead/").then().statusCode(200).body("fields.id", contains(own, region));
        org.request().body("{\"fields\": [{\"id\": \"" + region + "\"}]}").put("/api/v1/custom_field_schema/lead/")
                .then().statusCode(200).body("fields.id", contains(region, own));
        org.request().get("/api/v1/custom_field_schema/lead/").then().statusCode(200).body("fields.id", contains(region, own));
        org.request().get("/api/v1/custom_field_schema/contact/").then().statusCode(200).body("fields", empty());

        org.request().delete("/api/v1/custom_field/shared/" + region + "/association/lead/").then().statusCode(204);
        database.awaitCustomFieldJobs(org.organizationId());
        org.request().get("/api/v1/lead/" + lead + "/").then().statusCode(200).body("$", not(hasKey("custom." + region)));
        org.request().get("/api/v1/custom_field_schema/lead/").then().statusCode(200).body("fields.id", contains(own));
        org.request().get("/api/v1/custom_field/shared/" + region + "/").then().statusCode(200).body("associations", empty());
        org.request().delete("/api/v1/custom_field/shared/" + region + "/association/lead/").then().statusCode(404);
    }

    @Test
    void rolesAndRequirementArePerAssociation() {
        TestOrganizations org = TestOrganizations.provisioned();
        String budget = shared(org, "Budget");
        String vehicle = org.request().body("{\"name\": \"Vehicle\", \"name_plural\": \"Vehicles\"}")
                .post("/api/v1/custom_object_type/").then().statusCode(201).extract().path("id");
        org.request().body("{\"object_type\": \"lead\", \"editable_with_roles\": [\"manager\"]}")
                .post("/api/v1/custom_field/shared/" + budget + "/association/").then().statusCode(201);
        org.request().body("{\"object_type\": \"custom_object_type\", \"custom_object_type_id\": \"" + vehicle
                        + "\", \"required\": true}")
                .post("/api/v1/custom_field/shared/" + budget + "/association/").then().statusCode(201)
                .body("custom_object_type_id", equalTo(vehicle)).body("required", equalTo(true));
        org.request().get("/api/v1/custom_field/shared/" + budget + "/association/custom_object_type/" + vehicle + "/")
                .then().statusCode(200).body("required", equalTo(true));
        org.request().get("/api/v1/custom_field_schema/custom_object/" + vehicle + "/").then().statusCode(200)
                .body("fields.id", contains(budget));

        String lead = org.request().body("{\"name\": \"Acme\"}").post("/api/v1/lead/").then().extract().path("id");
        org.requestAs("user").body(Map.of("custom." + budget, "10")).put("/api/v1/lead/" + lead + "/").then()
                .statusCode(400).body("'field-errors'", hasKey("custom." + budget));
        org.requestAs("manager").body(Map.of("custom." + budget, "10")).put("/api/v1/lead/" + lead + "/").then()
                .statusCode(200);
        // On the custom object type it is required but open to every role.
        org.request().body(Map.of("custom_object_type_id", vehicle, "lead_id", lead, "name", "Car"))
                .post("/api/v1/custom_object/").then().statusCode(400).body("'field-errors'", hasKey("custom." + budget));
        String car = org.requestAs("user").body(Map.of("custom_object_type_id", vehicle, "lead_id", lead, "name", "Car",
                "custom." + budget, "5")).post("/api/v1/custom_object/").then().statusCode(201).extract().path("id");

        org.request().body("{\"required\": false, \"editable_with_roles\": []}")
                .put("/api/v1/custom_field/shared/" + budget + "/association/custom_object_type/" + vehicle + "/")
                .then().statusCode(200).body("required", equalTo(false));
        org.request().body("{\"object_type\": \"contact\"}")
                .put("/api/v1/custom_field/shared/" + budget + "/association/lead/").then().statusCode(400)
                .body("'field-errors'", hasKey("object_type"));
        org.request().get("/api/v1/custom_field/shared/" + budget + "/").then().statusCode(200)
                .body("associations.object_type", containsInAnyOrder("lead", "custom_object_type"));

        // Deleting the shared field takes its values everywhere.
        org.request().delete("/api/v1/custom_field/shared/" + budget + "/").then().statusCode(200);
        database.awaitCustomFieldJobs(org.organizationId());
        org.request().get("/api/v1/lead/" + lead + "/").then().statusCode(200).body("$", not(hasKey("custom." + budget)));
        org.request().get("/api/v1/custom_object/" + car + "/").then().statusCode(200)
                .body("$", not(hasKey("custom." + budget)));
    }

    @Test
    void badAssociationsAreRefusedAndChangeNothing() {
        TestOrganizations org = TestOrganizations.provisioned();
        String region = shared(org, "Region");
        org.request().body("{\"name\": \"region\", \"type\": \"text\"}").post("/api/v1/custom_field/contact/")
                .then().statusCode(200);
        String path = "/api/v1/custom_field/shared/" + region + "/association/";
        org.request().body("{}").post(path).then().statusCode(400).body("'field-errors'", hasKey("object_type"));
        org.request().body("{\"object_type\": \"task\"}").post(path).then().statusCode(400)
                .body("'field-errors'", hasKey("object_type"));
        org.request().body("{\"object_type\": \"custom_object_type\"}").post(path).then().statusCode(400)
                .body("'field-errors'", hasKey("custom_object_type_id"));
        org.request().body("{\"object_type\": \"lead\", \"custom_object_type_id\": \"cotype_x\"}").post(path).then()
                .statusCode(400).body("'field-errors'", hasKey("custom_object_type_id"));
        String theirs = TestOrganizations.provisioned().request().body("{\"name\": \"Boat\", \"name_plural\": \"Boats\"}")
                .post("/api/v1/custom_object_type/").then().statusCode(201).extract().path("id");
        org.request().body("{\"object_type\": \"custom_object_type\", \"custom_object_type_id\": \"" + theirs + "\"}")
                .post(path).then().statusCode(400).body("'field-errors'", hasKey("custom_object_type_id"));
        // A contact field of the same name exists.
        org.request().body("{\"object_type\": \"contact\"}").post(path).then().statusCode(400)
                .body("'field-errors'", hasKey("object_type"));
        org.request().body("{\"object_type\": \"lead\", \"required\": \"yes\"}").post(path).then().statusCode(400)
                .body("'field-errors'", hasKey("required"));
        org.requestAs("user").body("{\"object_type\": \"lead\"}").post(path).then().statusCode(403);
        TestOrganizations.provisioned().request().body("{\"object_type\": \"lead\"}").post(path).then().statusCode(404);
        org.request().body("{\"object_type\": \"lead\"}").post("/api/v1/custom_field/shared/cf_nope/association/")
                .then().statusCode(404);

        org.request().body("{\"object_type\": \"lead\"}").post(path).then().statusCode(201);
        org.request().body("{\"object_type\": \"lead\"}").post(path).then().statusCode(400)
                .body("'field-errors'", hasKey("object_type"));
        org.requestAs("user").body("{\"required\": true}").put(path + "lead/").then().statusCode(403);
        org.requestAs("user").delete(path + "lead/").then().statusCode(403);
        org.request().get("/api/v1/custom_field/shared/" + region + "/").then().statusCode(200)
                .body("associations.object_type", contains("lead"));
        assertEquals(2, database.count("custom_field", org.organizationId()));
    }

    private static String shared(TestOrganizations org, String name) {
        return org.request().body("{\"name\": \"" + name + "\", \"type\": \"text\"}").post("/api/v1/custom_field/shared/")
                .then().statusCode(200).body("associations", empty()).extract().path("id");
    }
}
