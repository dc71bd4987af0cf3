package io.leadline.core.custom;

import io.leadline.core.Database;
import io.leadline.core.TestCustomFields;
import io.leadline.core.TestOrganizations;
import io.leadline.platform.testing.InternalTokens;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Custom values on leads, contacts and opportunities, checked and normalised against the definitions. */
@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class CustomFieldValuesTest {

    @Inject
    Database database;

    /** One field of every type on leads, named by placeholder. */
    static TestCustomFields leadFields(TestOrganizations org) {
        return TestCustomFields.of(org)
                .text("lead", "cf_text")
                .define("lead", "cf_area", "textarea", false)
                .define("lead", "cf_hidden", "hidden", false)
                .define("lead", "cf_number", "number", false)
                .define("lead", "cf_date", "date", false)
                .define("lead", "cf_datetime", "datetime", false)
                .define("lead", "cf_choice", "{\"name\": \"cf_choice\", \"type\": \"choices\", \"choices\": [\"Small\", \"Large\"]}")
                .define("lead", "cf_choices", "{\"name\": \"cf_choices\", \"type\": \"choices\","
                        + " \"accepts_multiple_values\": true, \"choices\": [\"a\", \"b\", \"c\"]}")
                .define("lead", "cf_user", "user", false)
                .define("lead", "cf_users", "user", true)
                .define("lead", "cf_contact", "contact", false)
                .define("lead", "cf_contacts", "contact", true);
    }

    @Test
    void everyTypeIsNormalisedAndReadsBackAsStored() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestCustomFields cf = leadFields(org);
        JsonPath created = org.request().body(cf.in("""
                        {"name": "Acme", "custom.cf_text": 42, "custom.cf_area": "line 1\\nline 2", "custom.cf_hidden": "h",
                         "custom.cf_number": "12.50", "custom.cf_date": "2024-05-01",
                         "custom.cf_datetime": "2024-05-01T10:30:00.5-08:00", "custom.cf_choice": "Large",
                         "custom.cf_choices": ["b", "a", "b"], "custom.cf_user": "user_ann",
                         "custom.cf_users": "user_bob"}"""))
                .post("/api/v1/lead/").then().statusCode(200)
                .body(cf.in("'custom.cf_text'"), equalTo("42"))
                .body(cf.in("'custom.cf_area'"), equalTo("line 1\nline 2"))
                .body(cf.in("'custom.cf_hidden'"), equalTo("h"))
                .body(cf.in("'custom.cf_number'"), equalTo(12.5f))
                .body(cf.in("'custom.cf_date'"), equalTo("2024-05-01"))
                .body(cf.in("'custom.cf_datetime'"), equalTo("2024-05-01T10:30:00.5-08:00"))
                .body(cf.in("'custom.cf_choice'"), equalTo("Large"))
                .body(cf.in("'custom.cf_choices'"), contains("b", "a"))
                .body(cf.in("'custom.cf_user'"), equalTo("user_ann"))
                .body(cf.in("'custom.cf_users'"), contains("user_bob"))
                .extract().jsonPath();
        String id = created.getString("id");
        assertEquals(created.getMap(""), org.request().get("/api/v1/lead/" + id + "/").then().statusCode(200)
                .extract().jsonPath().getMap(""));

        org.request().body(cf.in("{\"custom.cf_number\": 7, \"custom.cf_datetime\": \"2024-05-01T10:30:00Z\","
                        + " \"custom.cf_date\": null}"))
                .put("/api/v1/lead/" + id + "/").then().statusCode(200)
                .body(cf.in("'custom.cf_number'"), equalTo(7))
                .body(cf.in("'custom.cf_datetime'"), equalTo("2024-05-01T10:30:00+00:00"))
                .body("$", not(hasKey(cf.in("custom.cf_date"))))
                .body(cf.in("'custom.cf_text'"), equalTo("42"));
    }

    @Test
    void wrongValuesAreFieldErrorsNamingTheKeyAndNothingIsWritten() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestCustomFields cf = leadFields(org);
        long before = database.rowsOf(org.organizationId());
        org.request().body(cf.in("""
                        {"name": "Acme", "custom.cf_number": "twelve", "custom.cf_date": "01/05/2024",
                         "custom.cf_datetime": "2024-05-01", "custom.cf_choice": "Medium",
                         "custom.cf_choices": ["a", "z"], "custom.cf_user": "ann", "custom.cf_text": {"a": 1},
                         "custom.cf_contact": "cont_nope", "custom.cf_users": [], "custom.cf_unknown": "x"}"""))
                .post("/api/v1/lead/").then().statusCode(400)
                .body("'field-errors'." + cf.in("'custom.cf_number'"), containsString("number"))
                .body("'field-errors'", hasKey(cf.in("custom.cf_date")))
                .body("'field-errors'", hasKey(cf.in("custom.cf_datetime")))
                .body("'field-errors'", hasKey(cf.in("custom.cf_choice")))
                .body("'field-errors'", hasKey(cf.in("custom.cf_choices")))
                .body("'field-errors'", hasKey(cf.in("custom.cf_user")))
                .body("'field-errors'", hasKey(cf.in("custom.cf_text")))
                .body("'field-errors'", hasKey(cf.in("custom.cf_contact")))
                .body("'field-errors'", hasKey("custom.cf_unknown"))
                .body("'field-errors'", not(hasKey(cf.in("custom.cf_users"))));
        org.request().body(cf.in("{\"custom.cf_number\": 1e20, \"custom.cf_choice\": [\"Small\"],"
                        + " \"custom.cf_date\": \"2024-02-30\", \"custom.cf_text.add\": \"x\"}"))
                .post("/api/v1/lead/").then().statusCode(400)
                .body("'field-errors'", hasKey(cf.in("custom.cf_number")))
                .body("'field-errors'", hasKey(cf.in("custom.cf_choice")))
                .body("'field-errors'", hasKey(cf.in("custom.cf_date")))
                .body("'field-errors'", hasKey(cf.in("custom.cf_text.add")));
        assertEquals(before, database.rowsOf(org.organizationId()));
    }

    @Test
    void multipleValuesAreAddedAndRemovedOneByOne() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestCustomFields cf = leadFields(org);
        String id = org.request().body(cf.in("{\"name\": \"Acme\", \"custom.cf_choices\": [\"a\"]}"))
                .post("/api/v1/lead/").then().statusCode(200).extract().path("id");

        put(org, id, cf.in("{\"custom.cf_choices.add\": [\"c\", \"a\"], \"custom.cf_users.add\": \"user_ann\"}"))
                .body(cf.in("'custom.cf_choices'"), contains("a", "c"))
                .body(cf.in("'custom.cf_users'"), contains("user_ann"));
        put(org, id, cf.in("{\"custom.cf_choices.remove\": \"a\", \"custom.cf_choices.add\": \"b\"}"))
                .body(cf.in("'custom.cf_choices'"), contains("c", "b"));
        put(org, id, cf.in("{\"custom.cf_choices.remove\": [\"c\", \"b\"], \"custom.cf_users\": null}"))
                .body("$", not(hasKey(cf.in("custom.cf_choices"))))
                .body("$", not(hasKey(cf.in("custom.cf_users"))));
        org.request().body(cf.in("{\"custom.cf_choices.add\": \"z\"}")).put("/api/v1/lead/" + id + "/").then()
                .statusCode(400).body("'field-errors'", hasKey(cf.in("custom.cf_choices.add")));
    }

    @Test
    void contactFieldsNameContactsOfTheSameLeadOnly() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestCustomFields cf = leadFields(org);
        JsonPath lead = org.request().body("{\"name\": \"Acme\", \"contacts\": [{\"name\": \"Ann\"}, {\"name\": \"Bob\"}]}")
                .post("/api/v1/lead/").then().statusCode(200).extract().jsonPath();
        String id = lead.getString("id");
        String ann = lead.getString("contacts[0].id");
        String bob = lead.getString("contacts[1].id");
        String elsewhere = org.request().body("{\"name\": \"Other\", \"contacts\": [{\"name\": \"Eve\"}]}")
                .post("/api/v1/lead/").then().statusCode(200).extract().path("contacts[0].id");
        TestOrganizations other = TestOrganizations.provisioned();
        String foreign = other.request().body("{\"name\": \"Theirs\", \"contacts\": [{\"name\": \"Zed\"}]}")
                .post("/api/v1/lead/").then().statusCode(200).extract().path("contacts[0].id");

        put(org, id, cf.in("{\"custom.cf_contact\": \"" + ann + "\", \"custom.cf_contacts.add\": [\"" + bob + "\", \""
                + ann + "\"]}"))
                .body(cf.in("'custom.cf_contact'"), equalTo(ann))
                .body(cf.in("'custom.cf_contacts'"), contains(bob, ann));
        for (String wrong : new String[] {elsewhere, foreign}) {
            org.request().body(cf.in("{\"custom.cf_contact\": \"" + wrong + "\"}")).put("/api/v1/lead/" + id + "/")
                    .then().statusCode(400).body("'field-errors'", hasKey(cf.in("custom.cf_contact")));
            org.request().body(cf.in("{\"custom.cf_contacts.add\": \"" + wrong + "\"}")).put("/api/v1/lead/" + id + "/")
                    .then().statusCode(400).body("'field-errors'", hasKey(cf.in("custom.cf_contacts.add")));
        }
        org.request().get("/api/v1/lead/" + id + "/").then().body(cf.in("'custom.cf_contact'"), equalTo(ann));
    }

    @Test
    void contactsAndOpportunitiesCheckTheirOwnDefinitions() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestCustomFields cf = TestCustomFields.of(org)
                .define("lead", "cf_leadonly", "number", false)
                .define("contact", "cf_shoe", "number", false)
                .define("contact", "cf_buddy", "contact", false)
                .define("opportunity", "cf_close", "date", false)
                .define("opportunity", "cf_champion", "contact", false);
        JsonPath lead = org.request().body(cf.in("{\"name\": \"Acme\", \"contacts\": [{\"name\": \"Ann\","
                        + " \"custom.cf_shoe\": \"38\"}]}"))
                .post("/api/v1/lead/").then().statusCode(200)
                .body("contacts[0]." + cf.in("'custom.cf_shoe'"), equalTo(38))
                .extract().jsonPath();
        String leadId = lead.getString("id");
        String ann = lead.getString("contacts[0].id");

        org.request().body(cf.in("{\"name\": \"X\", \"contacts\": [{\"name\": \"Y\", \"custom.cf_shoe\": \"big\"}]}"))
                .post("/api/v1/lead/").then().statusCode(400)
                .body("'field-errors'", hasKey(cf.in("contacts.0.custom.cf_shoe")));
        org.request().body(cf.in("{\"lead_id\": \"" + leadId + "\", \"name\": \"Bob\", \"custom.cf_buddy\": \"" + ann
                        + "\", \"custom.cf_shoe\": 44}"))
                .post("/api/v1/contact/").then().statusCode(200)
                .body(cf.in("'custom.cf_buddy'"), equalTo(ann))
                .body(cf.in("'custom.cf_shoe'"), equalTo(44));
        // A lead's field is not a contact's.
        org.request().body(cf.in("{\"lead_id\": \"" + leadId + "\", \"custom.cf_leadonly\": 1}"))
                .post("/api/v1/contact/").then().statusCode(400)
                .body("'field-errors'", hasKey(cf.in("custom.cf_leadonly")));
        org.request().body(cf.in("{\"custom.cf_shoe\": 1}")).put("/api/v1/lead/" + leadId + "/").then()
                .statusCode(400).body("'field-errors'", hasKey(cf.in("custom.cf_shoe")));

        String opportunity = org.request().body(cf.in("{\"lead_id\": \"" + leadId + "\", \"custom.cf_close\": \"2025-01-31\","
                        + " \"custom.cf_champion\": \"" + ann + "\"}"))
                .post("/api/v1/opportunity/").then().statusCode(200)
                .body(cf.in("'custom.cf_close'"), equalTo("2025-01-31"))
                .body(cf.in("'custom.cf_champion'"), equalTo(ann))
                .extract().path("id");
        org.request().body(cf.in("{\"custom.cf_close\": \"soon\"}")).put("/api/v1/opportunity/" + opportunity + "/")
                .then().statusCode(400).body("'field-errors'", hasKey(cf.in("custom.cf_close")));
        // Without lead_id the opportunity gets a new lead, which has no contacts to name.
        org.request().body(cf.in("{\"custom.cf_champion\": \"" + ann + "\"}")).post("/api/v1/opportunity/").then()
                .statusCode(400).body("'field-errors'", hasKey(cf.in("custom.cf_champion")));
    }

    @Test
    void anotherOrganizationsFieldIsUnknown() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestCustomFields theirs = TestCustomFields.of(TestOrganizations.provisioned()).text("lead", "cf_theirs");
        org.request().body(theirs.in("{\"name\": \"Acme\", \"custom.cf_theirs\": \"x\"}")).post("/api/v1/lead/")
                .then().statusCode(400).body("'field-errors'", hasKey(theirs.in("custom.cf_theirs")));
        assertEquals(0, database.count("lead", org.organizationId()));
    }

    @Test
    void fieldsLimitedToRolesRefuseOtherRoles() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestCustomFields cf = TestCustomFields.of(org)
                .define("lead", "cf_quota", "{\"name\": \"Quota\", \"type\": \"number\", \"editable_with_roles\": [\"manager\"]}")
                .text("lead", "cf_note");
        String id = org.request().body(cf.in("{\"name\": \"Acme\", \"custom.cf_quota\": 5}")).post("/api/v1/lead/")
                .then().statusCode(200).extract().path("id");
        var member = given().contentType(ContentType.JSON).header("Authorization",
                "Bearer " + InternalTokens.mint(org.organizationId(), "user_member", null, "user"));
        member.body(cf.in("{\"custom.cf_quota\": 6}")).put("/api/v1/lead/" + id + "/").then().statusCode(400)
                .body("'field-errors'", hasKey(cf.in("custom.cf_quota")));
        given().contentType(ContentType.JSON).header("Authorization",
                        "Bearer " + InternalTokens.mint(org.organizationId(), "user_member", null, "user"))
                .body(cf.in("{\"custom.cf_note\": \"ok\"}")).put("/api/v1/lead/" + id + "/").then().statusCode(200);
        given().contentType(ContentType.JSON).header("Authorization",
                        "Bearer " + InternalTokens.mint(org.organizationId(), "user_boss", null, "manager"))
                .body(cf.in("{\"custom.cf_quota\": 7}")).put("/api/v1/lead/" + id + "/").then().statusCode(200)
                .body(cf.in("'custom.cf_quota'"), equalTo(7));
    }

    @Test
    void fieldsCanBeAskedForByNameInFields() {
        TestOrganizations org = TestOrganizations.provisioned();
        String seats = org.request().body("{\"name\": \"Seat Count\", \"type\": \"number\"}")
                .post("/api/v1/custom_field/lead/").then().statusCode(200).extract().path("id");
        String stage = org.request().body("{\"name\": \"Stage\", \"type\": \"text\"}")
                .post("/api/v1/custom_field/opportunity/").then().statusCode(200).extract().path("id");
        String lead = org.request().body("{\"name\": \"Acme\", \"custom." + seats + "\": 12}").post("/api/v1/lead/")
                .then().statusCode(200).extract().path("id");
        String opportunity = org.request().body("{\"lead_id\": \"" + lead + "\", \"custom." + stage + "\": \"Pilot\"}")
                .post("/api/v1/opportunity/").then().statusCode(200).extract().path("id");

        org.request().queryParam("_fields", "id,custom.Seat Count,custom.Nothing").get("/api/v1/lead/" + lead + "/").then()
                .statusCode(200).body("'custom.Seat Count'", equalTo(12)).body("$", not(hasKey("custom.Nothing")))
                .body("$", not(hasKey("name")));
        org.request().queryParam("_fields", "custom.seat count").queryParam("id", lead).get("/api/v1/lead/").then()
                .statusCode(200).body("data[0].'custom.seat count'", equalTo(12));
        org.request().queryParam("_fields", "id,custom.Stage").get("/api/v1/opportunity/" + opportunity + "/").then()
                .statusCode(200).body("'custom.Stage'", equalTo("Pilot"));
        // another organization's field of the same name answers nothing of this one
        TestOrganizations other = TestOrganizations.provisioned();
        other.request().body("{\"name\": \"Seat Count\", \"type\": \"number\"}").post("/api/v1/custom_field/lead/")
                .then().statusCode(200);
        String theirs = other.request().body("{\"name\": \"Theirs\"}").post("/api/v1/lead/").then().extract().path("id");
        other.request().queryParam("_fields", "id,custom.Seat Count").get("/api/v1/lead/" + theirs + "/").then()
                .statusCode(200).body("$", not(hasKey("custom.Seat Count")));
        other.request().queryParam("_fields", "id,custom.Seat Count").get("/api/v1/lead/" + lead + "/").then()
                .statusCode(404);
    }

    @Test
    void deletingAFieldRemovesItsValuesFromEveryObject() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestCustomFields cf = TestCustomFields.of(org).text("lead", "cf_gone").text("lead", "cf_kept")
                .text("contact", "cf_cgone").text("opportunity", "cf_ogone");
        JsonPath lead = org.request().body(cf.in("{\"name\": \"Acme\", \"custom.cf_gone\": \"a\", \"custom.cf_kept\": \"b\","
                        + " \"contacts\": [{\"name\": \"Ann\", \"custom.cf_cgone\": \"c\"}]}"))
                .post("/api/v1/lead/").then().statusCode(200).extract().jsonPath();
        String id = lead.getString("id");
        String opportunity = org.request().body(cf.in("{\"lead_id\": \"" + id + "\", \"custom.cf_ogone\": \"o\"}"))
                .post("/api/v1/opportunity/").then().statusCode(200).extract().path("id");

        org.request().delete("/api/v1/custom_field/lead/" + cf.id("cf_gone") + "/").then().statusCode(200);
        org.request().delete("/api/v1/custom_field/contact/" + cf.id("cf_cgone") + "/").then().statusCode(200);
        org.request().delete("/api/v1/custom_field/opportunity/" + cf.id("cf_ogone") + "/").then().statusCode(200);
        database.awaitCustomFieldJobs(org.organizationId());

        org.request().get("/api/v1/lead/" + id + "/").then().statusCode(200)
                .body("$", not(hasKey(cf.in("custom.cf_gone"))))
                .body(cf.in("'custom.cf_kept'"), equalTo("b"))
                .body("contacts[0]", not(hasKey(cf.in("custom.cf_cgone"))));
        org.request().get("/api/v1/contact/" + lead.getString("contacts[0].id") + "/").then().statusCode(200)
                .body("$", not(hasKey(cf.in("custom.cf_cgone"))));
        org.request().get("/api/v1/opportunity/" + opportunity + "/").then().statusCode(200)
                .body("$", not(hasKey(cf.in("custom.cf_ogone"))));
        // The value is gone from the stored row too: a later update doesn't bring it back.
        put(org, id, cf.in("{\"custom.cf_kept\": \"c\"}")).body("$", not(hasKey(cf.in("custom.cf_gone"))));
        org.request().body(cf.in("{\"custom.cf_gone\": \"a\"}")).put("/api/v1/lead/" + id + "/").then().statusCode(400);
    }

    private static io.restassured.response.ValidatableResponse put(TestOrganizations org, String id, String body) {
        return org.request().body(body).put("/api/v1/lead/" + id + "/").then().statusCode(200);
    }
}
