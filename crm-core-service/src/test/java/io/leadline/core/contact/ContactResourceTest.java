package io.leadline.core.contact;

import io.leadline.core.Database;
import io.leadline.core.TestCustomFields;
import io.leadline.core.TestOrganizations;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

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

@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class ContactResourceTest {

    static final String DATETIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00";

    @Inject
    Database database;

    @Test
    void createsAContactOnALeadInClosesShapeAndTheLeadShowsIt() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestCustomFields cf = customFields(org);
        String leadId = lead(org, "Acme Corp");

        String contactId = org.request().body(cf.in("""
                        {"lead_id": "%s", "name": "Wile E. Coyote", "title": "CEO",
                         "emails": [{"email": "wile@acme.example", "type": "direct"}],
                         "phones": [{"phone": "(415) 555-1234", "type": "mobile"}],
                         "urls": [{"url": "https://wile.example"}],
                         "custom.cf_shoe": "42"}""").formatted(leadId))
                .post("/api/v1/contact/").then().statusCode(200)
                .body("id", matchesPattern("cont_[0-9A-Za-z]{43}"))
                .body("organization_id", equalTo(org.organizationId()))
                .body("lead_id", equalTo(leadId))
                .body("name", equalTo("Wile E. Coyote"))
                .body("title", equalTo("CEO"))
                .body("display_name", equalTo("Wile E. Coyote"))
                .body("emails[0].email", equalTo("wile@acme.example"))
                .body("emails[0].type", equalTo("direct"))
                .body("emails[0].is_unsubscribed", equalTo(false))
                .body("phones[0].phone", equalTo("+14155551234"))
                .body("phones[0].phone_formatted", equalTo("+1 415-555-1234"))
                .body("phones[0].type", equalTo("mobile"))
                .body("urls[0].url", equalTo("https://wile.example"))
                .body("urls[0].type", equalTo("office"))
                .body(cf.in("'custom.cf_shoe'"), equalTo("42"))
                .body("integration_links", empty())
                .body("created_by", equalTo(org.userId()))
                .body("date_created", matchesPattern(DATETIME))
                .extract().path("id");

        org.request().get("/api/v1/contact/" + contactId + "/").then().statusCode(200)
                .body("name", equalTo("Wile E. Coyote"))
                .body(cf.in("'custom.cf_shoe'"), equalTo("42"));
        org.request().get("/api/v1/lead/" + leadId + "/").then().statusCode(200)
                .body("contact_ids", contains(contactId))
                .body("contacts[0].name", equalTo("Wile E. Coyote"))
                .body("primary_phone.phone", equalTo("+14155551234"));
    }

    @Test
    void withoutLeadIdANewLeadNamedAfterTheContactIsCreated() {
        TestOrganizations org = TestOrganizations.provisioned();

        JsonPath contact = org.request().body("{\"name\": \"Road Runner\", \"emails\": [{\"email\": \"rr@acme.example\"}]}")
                .post("/api/v1/contact/").then().statusCode(200).extract().jsonPath();

        String leadId = contact.getString("lead_id");
        org.request().get("/api/v1/lead/" + leadId + "/").then().statusCode(200)
                .body("name", equalTo("Road Runner"))
                .body("status_label", equalTo("Potential"))
                .body("contact_ids", contains(contact.getString("id")))
                .body("primary_email.email", equalTo("rr@acme.example"))
                .body("primary_email.is_unsubscribed", equalTo(false));
        org.request().get("/api/v1/contact/" + contact.getString("id") + "/").then().statusCode(200)
                .body("emails[0].is_unsubscribed", equalTo(false));
    }

    @Test
    void readsWithFieldsAndWithoutTrailingSlash() {
        TestOrganizations org = TestOrganizations.provisioned();
        String id = contact(org, lead(org, "Acme"), "Wile");

        org.request().get("/api/v1/contact/" + id + "?_fields=id,name").then().statusCode(200)
                .body("$", aMapWithSize(2))
                .body("name", equalTo("Wile"));
        org.request().body("{\"title\": \"CTO\"}").put("/api/v1/contact/" + id + "/?_fields=title").then()
                .statusCode(200).body("$", aMapWithSize(1)).body("title", equalTo("CTO"));
    }

    @Test
    void normalisesPhonesToE164() {
        TestOrganizations org = TestOrganizations.provisioned();
        String leadId = lead(org, "Acme");

        org.request().body("""
                        {"lead_id": "%s", "phones": [{"phone": "+44 20 7946 0958"}, {"phone": "0049 30 901820"},
                         {"phone": "415.555.0100"}, {"phone": "1-650-555-0199"}, {"phone": "+1 (212) 555-0123"}]}"""
                        .formatted(leadId))
                .post("/api/v1/contact/").then().statusCode(200)
                .body("phones.phone", contains("+442079460958", "+4930901820", "+14155550100", "+16505550199",
                        "+12125550123"))
                .body("phones.phone_formatted", contains("+44 2079460958", "+49 30901820", "+1 415-555-0100",
                        "+1 650-555-0199", "+1 212-555-0123"))
                .body("display_name", equalTo("+44 2079460958"));
    }

    @Test
    void refusesInvalidPhonesAndOtherBadValuesAndWritesNothing() {
        TestOrganizations org = TestOrganizations.provisioned();
        String leadId = lead(org, "Acme");
        long rowsBefore = database.rowsOf(org.organizationId());

        for (String phone : List.of("12345", "555-1234", "+1 055 555 1234", "call me", "+0 123 4567",
                "+999 123 4567", "+44 20 7946 0958 0000 00")) {
            org.request().body("{\"lead_id\": \"%s\", \"name\": \"X\", \"phones\": [{\"phone\": \"%s\"}]}"
                            .formatted(leadId, phone))
                    .post("/api/v1/contact/").then().statusCode(400)
                    .body("'field-errors'", hasKey("phones.0.phone"));
        }
        org.request().body("{\"name\": \"X\", \"phones\": [{\"phone\": \"12\"}]}")
                .post("/api/v1/contact/").then().statusCode(400).body("'field-errors'", hasKey("phones.0.phone"));
        org.request().body("{\"lead_id\": \"%s\", \"name\": 5, \"emails\": [{\"email\": \"nope\"}], \"urls\": \"x\"}"
                        .formatted(leadId))
                .post("/api/v1/contact/").then().statusCode(400)
                .body("'field-errors'", hasKey("name"))
                .body("'field-errors'", hasKey("emails.0.email"))
                .body("'field-errors'", hasKey("urls"));
        org.request().body("{\"lead_id\": \"%s\", \"custom.Shoe size\": 42}".formatted(leadId))
                .post("/api/v1/contact/").then().statusCode(400).body("'field-errors'", hasKey("custom.Shoe size"));
        org.request().body("[1]").post("/api/v1/contact/").then().statusCode(400);
        org.request().body("{\"name\": ").post("/api/v1/contact/").then().statusCode(400);

        assertEquals(rowsBefore, database.rowsOf(org.organizationId()));
    }

    @Test
    void aLeadOfAnotherOrganizationOrAnUnknownLeadIsAFieldError() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestOrganizations other = TestOrganizations.provisioned();
        String theirLead = lead(other, "Theirs");
        String myLead = lead(org, "Mine");
        String contactId = contact(org, myLead, "Wile");
        long rowsBefore = database.rowsOf(org.organizationId());
        long theirRowsBefore = database.rowsOf(other.organizationId());

        for (String leadId : List.of(theirLead, "lead_doesnotexist")) {
            org.request().body("{\"lead_id\": \"%s\", \"name\": \"X\"}".formatted(leadId))
                    .post("/api/v1/contact/").then().statusCode(400).body("'field-errors'", hasKey("lead_id"));
            org.request().body("{\"lead_id\": \"%s\", \"name\": \"Moved\"}".formatted(leadId))
                    .put("/api/v1/contact/" + contactId + "/").then().statusCode(400)
                    .body("'field-errors'", hasKey("lead_id"));
        }
        org.request().body("{\"lead_id\": null}").put("/api/v1/contact/" + contactId + "/").then().statusCode(400)
                .body("'field-errors'", hasKey("lead_id"));

        org.request().get("/api/v1/contact/" + contactId + "/").then()
                .body("name", equalTo("Wile")).body("lead_id", equalTo(myLead));
        assertEquals(rowsBefore, database.rowsOf(org.organizationId()));
        assertEquals(theirRowsBefore, database.rowsOf(other.organizationId()));
    }

    @Test
    void updatesOnlyTheFieldsSentAndNullClears() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestCustomFields cf = customFields(org);
        String leadId = lead(org, "Acme");
        JsonPath created = org.request().body(cf.in("""
                        {"lead_id": "%s", "name": "Wile", "title": "CEO", "emails": [{"email": "w@acme.example"}],
                         "phones": [{"phone": "+14155551234"}], "custom.cf_a": "x", "custom.cf_b": "y"}""")
                        .formatted(leadId))
                .post("/api/v1/contact/").then().statusCode(200).extract().jsonPath();
        String id = created.getString("id");

        org.request().body("{\"title\": null, \"phones\": [{\"phone\": \"+33 1 42 68 53 00\", \"type\": \"office\"}],"
                        + cf.in(" \"custom.cf_a\": null, \"custom.cf_c\": [\"x\", \"y\"]}"))
                .put("/api/v1/contact/" + id + "/").then().statusCode(200)
                .body("name", equalTo("Wile"))
                .body("title", nullValue())
                .body("emails[0].email", equalTo("w@acme.example"))
                .body("phones.phone", contains("+33142685300"))
                .body("$", not(hasKey(cf.in("custom.cf_a"))))
                .body(cf.in("'custom.cf_b'"), equalTo("y"))
                .body(cf.in("'custom.cf_c'"), contains("x", "y"))
                .body("date_created", equalTo(created.getString("date_created")))
                .body("date_updated", not(equalTo(created.getString("date_updated"))));

        org.request().body("{\"emails\": null}").put("/api/v1/contact/" + id).then().statusCode(200)
                .body("emails", empty());
        org.request().get("/api/v1/contact/" + id + "/").then().body("emails", empty()).body("title", nullValue());
    }

    @Test
    void refusedUpdatesChangeNothing() {
        TestOrganizations org = TestOrganizations.provisioned();
        String id = contact(org, lead(org, "Acme"), "Wile");
        long rowsBefore = database.rowsOf(org.organizationId());

        org.request().body("{\"name\": \"Changed\", \"phones\": [{\"phone\": \"not a phone\"}]}")
                .put("/api/v1/contact/" + id + "/").then().statusCode(400)
                .body("'field-errors'", hasKey("phones.0.phone"));
        org.request().body("{\"name\": \"Changed\", \"title\": 7}")
                .put("/api/v1/contact/" + id + "/").then().statusCode(400).body("'field-errors'", hasKey("title"));

        org.request().get("/api/v1/contact/" + id + "/").then().body("name", equalTo("Wile"));
        assertEquals(rowsBefore, database.rowsOf(org.organizationId()));
    }

    @Test
    void movingAContactChangesBothLeadsContacts() {
        TestOrganizations org = TestOrganizations.provisioned();
        String from = lead(org, "From");
        String to = lead(org, "To");
        String staying = contact(org, from, "Staying");
        String moving = contact(org, from, "Moving");
        String resident = contact(org, to, "Resident");

        org.request().body("{\"lead_id\": \"%s\", \"title\": \"Moved\"}".formatted(to))
                .put("/api/v1/contact/" + moving + "/").then().statusCode(200)
                .body("lead_id", equalTo(to))
                .body("title", equalTo("Moved"));

        org.request().get("/api/v1/lead/" + from + "/").then().body("contact_ids", contains(staying));
        // A lead lists its contacts in creation order, the contact list newest first.
        org.request().get("/api/v1/lead/" + to + "/").then().body("contact_ids", contains(moving, resident));
        org.request().get("/api/v1/contact/?lead_id=" + to).then().body("data.id", contains(resident, moving));
    }

    @Test
    void deletingTheLastContactLeavesTheLeadWithoutContacts() {
        TestOrganizations org = TestOrganizations.provisioned();
        String leadId = lead(org, "Acme");
        String id = contact(org, leadId, "Only One");

        org.request().delete("/api/v1/contact/" + id + "/").then().statusCode(200).body("$", aMapWithSize(0));

        org.request().get("/api/v1/contact/" + id + "/").then().statusCode(404);
        org.request().delete("/api/v1/contact/" + id + "/").then().statusCode(404);
        org.request().get("/api/v1/lead/" + leadId + "/").then().statusCode(200)
                .body("contacts", empty())
                .body("contact_ids", empty())
                .body("primary_email", nullValue());
        assertEquals(0, database.count("contact", org.organizationId()));
    }

    @Test
    void listsNewestFirstFilteredByLeadWithExactPaging() {
        TestOrganizations org = TestOrganizations.provisioned();
        String acme = lead(org, "Acme");
        String globex = lead(org, "Globex");
        String first = contact(org, acme, "First");
        String second = contact(org, acme, "Second");
        String third = contact(org, acme, "Third");
        String elsewhere = contact(org, globex, "Elsewhere");

        org.request().get("/api/v1/contact/").then().statusCode(200)
                .body("data.id", contains(elsewhere, third, second, first))
                .body("has_more", equalTo(false));
        org.request().get("/api/v1/contact/?lead_id=" + acme + "&_limit=2").then().statusCode(200)
                .body("data.id", contains(third, second))
                .body("has_more", equalTo(true));
        org.request().get("/api/v1/contact/?lead_id=" + acme + "&_limit=2&_skip=2").then().statusCode(200)
                .body("data.id", contains(first))
                .body("has_more", equalTo(false));
        org.request().get("/api/v1/contact/?lead_id=" + acme + "&_limit=3").then()
                .body("has_more", equalTo(false));
        org.request().get("/api/v1/contact/?lead_id=" + globex + "&_fields=id,display_name").then()
                .body("data[0]", aMapWithSize(2))
                .body("data[0].display_name", equalTo("Elsewhere"));
        org.request().get("/api/v1/contact/?_limit=101").then().statusCode(400);
        org.request().get("/api/v1/contact/?email=x@y.z").then().statusCode(400);
    }

    @Test
    void anotherOrganizationCannotSeeChangeOrDeleteTheContact() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestOrganizations other = TestOrganizations.provisioned();
        String leadId = lead(org, "Acme");
        String id = contact(org, leadId, "Wile");
        long rowsBefore = database.rowsOf(org.organizationId());

        other.request().get("/api/v1/contact/" + id + "/").then().statusCode(404).body("error", notNullValue());
        other.request().body("{\"name\": \"Hijacked\"}").put("/api/v1/contact/" + id + "/").then().statusCode(404);
        other.request().delete("/api/v1/contact/" + id + "/").then().statusCode(404);
        other.request().get("/api/v1/contact/").then().statusCode(200).body("data", empty());
        other.request().get("/api/v1/contact/?lead_id=" + leadId).then().statusCode(200).body("data", empty());

        org.request().get("/api/v1/contact/" + id + "/").then().statusCode(200).body("name", equalTo("Wile"));
        assertEquals(rowsBefore, database.rowsOf(org.organizationId()));
        assertEquals(0, database.rowsOf(other.organizationId()));
    }

    @Test
    void unknownContactIs404() {
        TestOrganizations org = TestOrganizations.provisioned();
        org.request().get("/api/v1/contact/cont_doesnotexist/").then().statusCode(404).body("error", notNullValue());
        org.request().body("{\"name\": \"X\"}").put("/api/v1/contact/cont_doesnotexist/").then().statusCode(404);
        org.request().delete("/api/v1/contact/cont_doesnotexist/").then().statusCode(404);
    }

    static String lead(TestOrganizations org, String name) {
        return org.request().body("{\"name\": \"" + name + "\"}").post("/api/v1/lead/").then().statusCode(200)
                .extract().path("id");
    }

    static String contact(TestOrganizations org, String leadId, String name) {
        return org.request().body("{\"lead_id\": \"" + leadId + "\", \"name\": \"" + name + "\"}")
                .post("/api/v1/contact/").then().statusCode(200).extract().path("id");
    }

    /** The custom fields this class's bodies name by placeholder. */
    static TestCustomFields customFields(TestOrganizations org) {
        return TestCustomFields.of(org)
                .define("contact", "cf_shoe", "text", false)
                .define("contact", "cf_a", "text", false)
                .define("contact", "cf_b", "text", false)
                .define("contact", "cf_c", "{\"name\": \"cf_c\", \"type\": \"choices\", \"accepts_multiple_values\": true, \"choices\": [\"x\", \"y\"]}");
    }
}
