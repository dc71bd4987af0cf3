package io.leadline.core.custom;

import io.leadline.core.Database;
import io.leadline.core.TestOrganizations;
import io.leadline.platform.testing.InternalTokens;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Custom field definitions: {@code /custom_field/<owner>/} and the legacy {@code /custom_fields/<owner>/}. */
@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class CustomFieldResourceTest {

    @Inject
    Database database;

    @Test
    void createsAFieldOfEveryTypeAndReadsItBackUnderBothPaths() {
        TestOrganizations org = TestOrganizations.provisioned();
        for (String type : List.of("text", "textarea", "number", "date", "datetime", "user", "contact", "hidden")) {
            org.request().body("{\"name\": \"F " + type + "\", \"type\": \"" + type + "\"}")
                    .post("/api/v1/custom_field/lead/").then().statusCode(200).body("type", equalTo(type));
        }
        JsonPath size = org.request().body("""
                        {"name": " Size ", "description": "How big the customer is", "type": "choices",
                         "choices": ["Small", "Large"], "accepts_multiple_values": true,
                         "editable_with_roles": ["admin"]}""")
                .post("/api/v1/custom_field/lead/").then().statusCode(200)
                .body("id", matchesPattern("cf_[0-9A-Za-z]{43}"))
                .body("organization_id", equalTo(org.organizationId()))
                .body("name", equalTo("Size"))
                .body("description", equalTo("How big the customer is"))
                .body("type", equalTo("choices"))
                .body("accepts_multiple_values", equalTo(true))
                .body("choices", contains("Small", "Large"))
                .body("editable_with_roles", contains("admin"))
                .body("required", equalTo(false))
                .body("referenced_custom_type_id", nullValue())
                .body("back_reference_is_visible", equalTo(false))
                .body("$", not(hasKey("custom_activity_type_id")))
                .body("created_by", equalTo(org.userId()))
                .body("date_created", matchesPattern("\\d{4}-\\d\\d-\\d\\dT.*\\+00:00"))
                .extract().jsonPath();
        String id = size.getString("id");

        org.request().get("/api/v1/custom_field/lead/" + id + "/").then().statusCode(200)
                .body("id", equalTo(id)).body("choices", contains("Small", "Large"));
        org.request().get("/api/v1/custom_fields/lead/" + id + "/").then().statusCode(200).body("name", equalTo("Size"));
        org.request().queryParam("_fields", "id,name").get("/api/v1/custom_field/lead/" + id + "/").then()
                .statusCode(200).body("$", aMapWithSize(2));
        org.request().get("/api/v1/custom_field/lead/").then().statusCode(200)
                .body("data.name", contains("F text", "F textarea", "F number", "F date", "F datetime", "F user",
                        "F contact", "F hidden", "Size"))
                .body("has_more", equalTo(false));
        org.request().get("/api/v1/custom_fields/lead/").then().statusCode(200).body("data.size()", equalTo(9));
        org.request().queryParam("type", "choices").get("/api/v1/custom_field/lead/").then().statusCode(200)
                .body("data.id", contains(id));
        // A lead field is not a contact field.
        org.request().get("/api/v1/custom_field/contact/" + id + "/").then().statusCode(404);
        org.request().get("/api/v1/custom_field/contact/").then().statusCode(200).body("data", empty());
        org.request().get("/api/v1/custom_field/custom_object_type/").then().statusCode(200).body("data", empty());
    }

    @Test
    void activityFieldsBelongToACustomActivityType() {
        TestOrganizations org = TestOrganizations.provisioned();
        String body = "{\"name\": \"Outcome\", \"type\": \"text\", \"required\": true, \"custom_activity_type_id\": \"%s\"}";
        org.request().body(body.formatted("actitype_a")).post("/api/v1/custom_field/activity/").then().statusCode(200)
                .body("custom_activity_type_id", equalTo("actitype_a"))
                .body("required", equalTo(true));
        // Names are unique per custom activity type.
        org.request().body(body.formatted("actitype_b")).post("/api/v1/custom_field/activity/").then().statusCode(200);
        org.request().body(body.formatted("actitype_a")).post("/api/v1/custom_field/activity/").then().statusCode(400)
                .body("'field-errors'", hasKey("name"));
        org.request().body("{\"name\": \"Loose\", \"type\": \"text\"}").post("/api/v1/custom_field/activity/")
                .then().statusCode(400).body("'field-errors'", hasKey("custom_activity_type_id"));
        org.request().queryParam("custom_activity_type_id", "actitype_b").get("/api/v1/custom_field/activity/")
                .then().statusCode(200).body("data.custom_activity_type_id", contains("actitype_b"));
    }

    @Test
    void refusesBadDefinitionsAndWritesNothing() {
        TestOrganizations org = TestOrganizations.provisioned();
        org.request().body("{\"description\": \"" + "d".repeat(281) + "\", \"type\": \"colour\"}")
                .post("/api/v1/custom_field/lead/").then().statusCode(400)
                .body("'field-errors'", hasKey("name"))
                .body("'field-errors'", hasKey("description"))
                .body("'field-errors'", hasKey("type"));
        refused(org, "{\"name\": \"A\"}", "type");
        refused(org, "{\"name\": \"A\", \"type\": \"choices\"}", "choices");
        refused(org, "{\"name\": \"A\", \"type\": \"choices\", \"choices\": [\"x\", \"x\"]}", "choices.1");
        refused(org, "{\"name\": \"A\", \"type\": \"number\", \"choices\": [\"x\"]}", "choices");
        refused(org, "{\"name\": \"A\", \"type\": \"text\", \"accepts_multiple_values\": true}", "accepts_multiple_values");
        refused(org, "{\"name\": \"A\", \"type\": \"custom_object\", \"referenced_custom_type_id\": \"cotype_x\"}",
                "referenced_custom_type_id");
        refused(org, "{\"name\": \"A\", \"type\": \"text\", \"custom_activity_type_id\": \"actitype_a\"}",
                "custom_activity_type_id");
        refused(org, "{\"name\": \"   \", \"type\": \"text\"}", "name");
        refused(org, "{\"name\": \"A\", \"type\": \"text\", \"editable_with_roles\": \"admin\"}", "editable_with_roles");
        // choices that aren't a list are a field error, not a 500 (found by BadRequestFuzzIT)
        refused(org, "{\"name\": \"A\", \"type\": \"choices\", \"choices\": \"a\"}", "choices");
        refused(org, "{\"name\": \"A\", \"type\": \"text\", \"choices\": {}}", "choices");
        assertEquals(0, database.count("custom_field", org.organizationId()));
        assertEquals(0, database.count("outbox_event", org.organizationId()));
    }

    @Test
    void namesAreUniquePerOwnerIgnoringCase() {
        TestOrganizations org = TestOrganizations.provisioned();
        String tier = create(org, "lead", "{\"name\": \"Tier\", \"type\": \"text\"}");
        refused(org, "{\"name\": \"tier\", \"type\": \"number\"}", "name");
        create(org, "contact", "{\"name\": \"Tier\", \"type\": \"text\"}");
        create(TestOrganizations.provisioned(), "lead", "{\"name\": \"Tier\", \"type\": \"text\"}");
        String other = create(org, "lead", "{\"name\": \"Segment\", \"type\": \"text\"}");

        org.request().body("{\"name\": \"TIER\"}").put("/api/v1/custom_field/lead/" + other + "/").then()
                .statusCode(400).body("'field-errors'", hasKey("name"));
        // Renaming a field to its own name (in another case) is fine.
        org.request().body("{\"name\": \"TIER\"}").put("/api/v1/custom_field/lead/" + tier + "/").then()
                .statusCode(200).body("name", equalTo("TIER"));
    }

    @Test
    void concurrentCreatesOfOneNameLeaveOneFieldAndNever500() {
        TestOrganizations org = TestOrganizations.provisioned();
        List<Integer> statuses = IntStream.range(0, 6).parallel()
                .mapToObj(i -> org.request().body("{\"name\": \"Race\", \"type\": \"text\"}")
                        .post("/api/v1/custom_field/lead/").statusCode())
                .toList();
        assertEquals(1, statuses.stream().filter(status -> status == 200).count(), statuses::toString);
        assertEquals(5, statuses.stream().filter(status -> status == 400).count(), statuses::toString);
        assertEquals(1, database.count("custom_field", org.organizationId()));
    }

    @Test
    void updatesWhatWasSentAndRefusesShapesThatDontFit() {
        TestOrganizations org = TestOrganizations.provisioned();
        String id = create(org, "lead", "{\"name\": \"Size\", \"type\": \"choices\", \"choices\": [\"S\", \"L\"]}");

        org.request().body("{\"name\": \"Company size\", \"choices\": [\"S\", \"M\", \"L\"], \"accepts_multiple_values\": true,"
                        + " \"description\": \"Headcount band\"}")
                .put("/api/v1/custom_fields/lead/" + id + "/").then().statusCode(200)
                .body("name", equalTo("Company size"))
                .body("choices", contains("S", "M", "L"))
                .body("accepts_multiple_values", equalTo(true))
                .body("description", equalTo("Headcount band"))
                .body("type", equalTo("choices"));
        // a new type must fit the field's other settings (text holds one value and has no choices)
        org.request().body("{\"type\": \"text\"}").put("/api/v1/custom_field/lead/" + id + "/").then()
                .statusCode(400).body("'field-errors'", hasKey("accepts_multiple_values"))
                .body("'field-errors'", hasKey("choices"));
        org.request().body("{\"choices\": []}").put("/api/v1/custom_field/lead/" + id + "/").then()
                .statusCode(400).body("'field-errors'", hasKey("choices"));
        org.request().get("/api/v1/custom_field/lead/" + id + "/").then().statusCode(200)
                .body("name", equalTo("Company size")).body("choices", contains("S", "M", "L"));
    }

    @Test
    void onlyAdminsChangeFieldsEveryMemberReadsThem() {
        TestOrganizations admin = TestOrganizations.provisioned();
        String id = create(admin, "lead", "{\"name\": \"Tier\", \"type\": \"text\"}");
        RequestSpecification member = given().contentType(ContentType.JSON).header("Authorization",
                "Bearer " + InternalTokens.mint(admin.organizationId(), "user_member", null, "user"));

        member.body("{\"name\": \"Mine\", \"type\": \"text\"}").post("/api/v1/custom_field/lead/").then().statusCode(403);
        member.body("{\"name\": \"Renamed\"}").put("/api/v1/custom_field/lead/" + id + "/").then().statusCode(403);
        member.delete("/api/v1/custom_field/lead/" + id + "/").then().statusCode(403);
        member.get("/api/v1/custom_field/lead/" + id + "/").then().statusCode(200).body("name", equalTo("Tier"));
        assertEquals(1, database.count("custom_field", admin.organizationId()));
    }

    @Test
    void aCustomRoleWithManageOrganizationChangesFieldsOneWithoutMayNot() {
        TestOrganizations org = TestOrganizations.provisioned();
        RequestSpecification manager = given().contentType(ContentType.JSON).header("Authorization", "Bearer "
                + InternalTokens.mintWithPermissions(org.organizationId(), "user_manager", "role_managers",
                List.of("manage_organization")));
        RequestSpecification exporter = given().contentType(ContentType.JSON).header("Authorization", "Bearer "
                + InternalTokens.mintWithPermissions(org.organizationId(), "user_exporter", "role_exporters",
                List.of("export", "view_all_leads", "bulk_edit")));

        String id = manager.body("{\"name\": \"Region\", \"type\": \"text\"}").post("/api/v1/custom_field/lead/")
                .then().statusCode(200).extract().path("id");
        exporter.body("{\"name\": \"Mine\", \"type\": \"text\"}").post("/api/v1/custom_field/lead/").then()
                .statusCode(403).body("error", notNullValue());
        exporter.body("{\"name\": \"Renamed\"}").put("/api/v1/custom_field/lead/" + id + "/").then().statusCode(403);
        manager.body("{\"name\": \"Area\"}").put("/api/v1/custom_field/lead/" + id + "/").then().statusCode(200)
                .body("name", equalTo("Area"));
        assertEquals(1, database.count("custom_field", org.organizationId()));
    }

    @Test
    void anotherOrganizationsFieldIsNotFound() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestOrganizations other = TestOrganizations.provisioned();
        String id = create(org, "lead", "{\"name\": \"Tier\", \"type\": \"text\"}");

        other.request().get("/api/v1/custom_field/lead/" + id + "/").then().statusCode(404);
        other.request().body("{\"name\": \"Theirs\"}").put("/api/v1/custom_field/lead/" + id + "/").then().statusCode(404);
        other.request().delete("/api/v1/custom_field/lead/" + id + "/").then().statusCode(404);
        other.request().get("/api/v1/custom_field/lead/").then().statusCode(200).body("data", empty());
        org.request().get("/api/v1/custom_field/lead/" + id + "/").then().statusCode(200).body("name", equalTo("Tier"));
    }

    @Test
    void deletingAFieldAnswersAnEmptyObjectAndForgetsIt() {
        TestOrganizations org = TestOrganizations.provisioned();
        String id = create(org, "opportunity", "{\"name\": \"Source\", \"type\": \"text\"}");
        org.request().delete("/api/v1/custom_fields/opportunity/" + id + "/").then().statusCode(200)
                .body("$", aMapWithSize(0));
        org.request().get("/api/v1/custom_field/opportunity/" + id + "/").then().statusCode(404);
        org.request().delete("/api/v1/custom_field/opportunity/" + id + "/").then().statusCode(404);
        // The name is free again.
        create(org, "opportunity", "{\"name\": \"Source\", \"type\": \"number\"}");
    }

    @Test
    void theSchemaListsTheOwnersFieldsInOrderAndPutReorders() {
        TestOrganizations org = TestOrganizations.provisioned();
        String a = create(org, "contact", "{\"name\": \"A\", \"type\": \"text\"}");
        String b = create(org, "contact", "{\"name\": \"B\", \"type\": \"number\"}");
        String c = create(org, "contact", "{\"name\": \"C\", \"type\": \"date\"}");
        create(org, "lead", "{\"name\": \"L\", \"type\": \"text\"}");

        org.request().get("/api/v1/custom_field_schema/contact/").then().statusCode(200)
                .body("fields.id", contains(a, b, c))
                .body("fields[1].type", equalTo("number"));
        // Omitted ids are appended in their old order.
        org.request().body("{\"fields\": [{\"id\": \"" + c + "\"}]}").put("/api/v1/custom_field_schema/contact/")
                .then().statusCode(200).body("fields.id", contains(c, a, b));
        org.request().get("/api/v1/custom_field_schema/contact/").then().statusCode(200)
                .body("fields.id", contains(c, a, b));
        String d = create(org, "contact", "{\"name\": \"D\", \"type\": \"text\"}");
        org.request().get("/api/v1/custom_field_schema/contact").then().statusCode(200)
                .body("fields.id", contains(c, a, b, d));

        String leadField = org.request().get("/api/v1/custom_field/lead/").then().extract().path("data[0].id");
        org.request().body("{\"fields\": [{\"id\": \"" + b + "\"}, {\"id\": \"" + leadField + "\"}]}")
                .put("/api/v1/custom_field_schema/contact/").then().statusCode(400)
                .body("'field-errors'", hasKey("fields.1.id"));
        org.request().body("{\"fields\": [{\"id\": \"" + b + "\"}, {\"id\": \"" + b + "\"}]}")
                .put("/api/v1/custom_field_schema/contact/").then().statusCode(400)
                .body("'field-errors'", hasKey("fields.1.id"));
        org.request().body("{}").put("/api/v1/custom_field_schema/contact/").then().statusCode(400)
                .body("'field-errors'", hasKey("fields"));
        given().contentType(ContentType.JSON).header("Authorization",
                        "Bearer " + InternalTokens.mint(org.organizationId(), "user_member", null, "user"))
                .body("{\"fields\": []}").put("/api/v1/custom_field_schema/contact/").then().statusCode(403);
        TestOrganizations.provisioned().request().get("/api/v1/custom_field_schema/contact/").then().statusCode(200)
                .body("fields", empty());
        org.request().get("/api/v1/custom_field_schema/shared/").then().statusCode(404);
        org.request().get("/api/v1/custom_field_schema/contact/").then().body("fields.id", contains(c, a, b, d));
    }

    static String create(TestOrganizations org, String owner, String body) {
        return org.request().body(body).post("/api/v1/custom_field/" + owner + "/").then().statusCode(200)
                .extract().path("id");
    }

    private static void refused(TestOrganizations org, String body, String field) {
        org.request().body(body).post("/api/v1/custom_field/lead/").then().statusCode(400)
                .body("'field-errors'", hasKey(field));
    }
}
