package io.leadline.core.lead;

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
import java.util.Map;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class LeadResourceTest {

    static final String DATETIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00";

    static final String ACME = """
            {"name": "Acme Corp", "description": "Rockets", "url": "https://acme.example",
             "contacts": [{"name": "Wile E. Coyote", "title": "CEO",
                           "emails": [{"email": "wile@acme.example", "type": "office"}],
                           "phones": [{"phone": "+1 (415) 555-1234"}],
                           "urls": [{"url": "https://wile.example"}]},
                          {"name": "Road Runner"}],
             "addresses": [{"label": "business", "address_1": "1 Desert Rd", "city": "Phoenix",
                            "state": "AZ", "zipcode": "85001", "country": "US"}],
             "custom.cf_industry": "Aerospace", "custom.cf_seats": 12}
            """;

    @Inject
    Database database;

    @Test
    void createsALeadWithNestedContactsAndAddressesInClosesShape() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestCustomFields cf = customFields(org);

        org.request().body(cf.in(ACME)).post("/api/v1/lead/").then().statusCode(200)
                .body("id", matchesPattern("lead_[0-9A-Za-z]{43}"))
                .body("organization_id", equalTo(org.organizationId()))
                .body("name", equalTo("Acme Corp"))
                .body("display_name", equalTo("Acme Corp"))
                .body("description", equalTo("Rockets"))
                .body("url", equalTo("https://acme.example"))
                .body("status_label", equalTo("Potential"))
                .body("status_id", startsWith("stat_"))
                .body("contacts.name", contains("Wile E. Coyote", "Road Runner"))
                .body("contacts[0].id", matchesPattern("cont_[0-9A-Za-z]{43}"))
                .body("contacts[0].lead_id", startsWith("lead_"))
                .body("contacts[0].organization_id", equalTo(org.organizationId()))
                .body("contacts[0].title", equalTo("CEO"))
                .body("contacts[0].display_name", equalTo("Wile E. Coyote"))
                .body("contacts[0].emails", contains(Map.of("email", "wile@acme.example", "type", "office",
                        "is_unsubscribed", false)))
                .body("contacts[0].phones[0].phone", equalTo("+14155551234"))
                .body("contacts[0].phones[0].phone_formatted", equalTo("+1 415-555-1234"))
                .body("contacts[0].phones[0].type", equalTo("office"))
                .body("contacts[0].urls", contains(Map.of("url", "https://wile.example", "type", "office")))
                .body("contacts[0].created_by", equalTo(org.userId()))
                .body("contacts[0].date_created", matchesPattern(DATETIME))
                .body("contact_ids", contains(notNullValue(), notNullValue()))
                .body("addresses[0].address_1", equalTo("1 Desert Rd"))
                .body("addresses[0].city", equalTo("Phoenix"))
                .body("addresses[0].address_2", nullValue())
                .body("opportunities", empty())
                .body("tasks", empty())
                .body("integration_links", empty())
                .body("html_url", matchesPattern("http://localhost:8080/app/lead/lead_[0-9A-Za-z]{43}/"))
                .body("primary_email", equalTo(Map.of("email", "wile@acme.example", "type", "office", "is_unsubscribed", false)))
                .body("primary_phone.phone", equalTo("+14155551234"))
                .body(cf.in("'custom.cf_industry'"), equalTo("Aerospace"))
                .body(cf.in("'custom.cf_seats'"), equalTo(12))
                .body("created_by", equalTo(org.userId()))
                .body("updated_by", equalTo(org.userId()))
                .body("date_created", matchesPattern(DATETIME))
                .body("date_updated", matchesPattern(DATETIME));
    }

    @Test
    void readsALeadBackWithAndWithoutTrailingSlashAndWithFields() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestCustomFields cf = customFields(org);
        JsonPath created = org.request().body(cf.in(ACME)).post("/api/v1/lead").then().statusCode(200).extract().jsonPath();
        String id = created.getString("id");

        JsonPath read = org.request().get("/api/v1/lead/" + id + "/").then().statusCode(200).extract().jsonPath();
        assertEquals(created.getMap(""), read.getMap(""));
        org.request().get("/api/v1/lead/" + id).then().statusCode(200).body("id", equalTo(id));

        org.request().queryParam("_fields", cf.in("id,display_name,custom.cf_seats"))
                .get("/api/v1/lead/" + id + "/").then().statusCode(200)
                .body("$", aMapWithSize(3))
                .body("display_name", equalTo("Acme Corp"))
                .body(cf.in("'custom.cf_seats'"), equalTo(12));

        String contactId = created.getString("contacts[0].id");
        org.request().get("/api/v1/contact/" + contactId + "/").then().statusCode(200)
                .body("id", equalTo(contactId))
                .body("lead_id", equalTo(id))
                .body("name", equalTo("Wile E. Coyote"));
    }

    @Test
    void aLeadWithoutNameIsShownByItsFirstContact() {
        TestOrganizations org = TestOrganizations.provisioned();
        org.request().body("""
                        {"contacts": [{"emails": [{"email": "solo@example.com"}]}]}""")
                .post("/api/v1/lead/").then().statusCode(200)
                .body("name", nullValue())
                .body("display_name", equalTo("solo@example.com"))
                .body("contacts[0].display_name", equalTo("solo@example.com"))
                .body("primary_phone", nullValue());
    }

    @Test
    void setsTheStatusByLabelOrById() {
        TestOrganizations org = TestOrganizations.provisioned();
        String qualified = statusId(org, "Qualified");

        org.request().body("{\"name\": \"By label\", \"status\": \"Qualified\"}").post("/api/v1/lead/")
                .then().statusCode(200).body("status_id", equalTo(qualified)).body("status_label", equalTo("Qualified"));
        org.request().body("{\"name\": \"By id\", \"status_id\": \"" + qualified + "\"}").post("/api/v1/lead/")
                .then().statusCode(200).body("status_id", equalTo(qualified)).body("status_label", equalTo("Qualified"));
    }

    @Test
    void refusesUnknownOrConflictingStatusesAndWritesNothing() {
        TestOrganizations org = TestOrganizations.provisioned();
        String foreignStatus = statusId(TestOrganizations.provisioned(), "Customer");

        org.request().body("{\"name\": \"x\", \"status\": \"Nope\"}").post("/api/v1/lead/")
                .then().statusCode(400).body("'field-errors'", hasKey("status"));
        org.request().body("{\"name\": \"x\", \"status_id\": \"" + foreignStatus + "\"}").post("/api/v1/lead/")
                .then().statusCode(400).body("'field-errors'", hasKey("status_id"));
        org.request().body("{\"name\": \"x\", \"status\": \"Customer\", \"status_id\": \"" + statusId(org, "Customer")
                        + "\"}").post("/api/v1/lead/")
                .then().statusCode(400).body("'field-errors'", hasKey("status"));

        assertEquals(0, database.rowsOf(org.organizationId()));
    }

    @Test
    void refusesMalformedJsonAndWrongTypesAndWritesNothing() {
        TestOrganizations org = TestOrganizations.provisioned();

        org.request().body("{\"name\": ").post("/api/v1/lead/").then().statusCode(400)
                .body("errors", not(empty()));
        org.request().body("[1, 2]").post("/api/v1/lead/").then().statusCode(400);
        org.request().body("""
                        {"name": 42, "contacts": [{"name": "ok", "emails": [{"email": "not-an-email"}]},
                                                  "not an object"],
                         "addresses": {"city": "x"}, "custom.Industry": "x"}""")
                .post("/api/v1/lead/").then().statusCode(400)
                .body("'field-errors'.name", notNullValue())
                .body("'field-errors'.'contacts.0.emails.0.email'", notNullValue())
                .body("'field-errors'.'contacts.1'", notNullValue())
                .body("'field-errors'.addresses", notNullValue())
                .body("'field-errors'.'custom.Industry'", notNullValue());

        assertEquals(0, database.rowsOf(org.organizationId()));
    }

    @Test
    void updatesOnlyTheFieldsSentAndNullClears() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestCustomFields cf = customFields(org);
        JsonPath created = org.request().body(cf.in(ACME)).post("/api/v1/lead/").then().statusCode(200).extract().jsonPath();
        String id = created.getString("id");

        JsonPath updated = org.request().body(cf.in("""
                        {"name": "Acme Inc", "url": null, "status": "Customer", "custom.cf_seats": null,
                         "custom.cf_tier": ["gold"]}"""))
                .put("/api/v1/lead/" + id + "/").then().statusCode(200)
                .body("name", equalTo("Acme Inc"))
                .body("url", nullValue())
                .body("description", equalTo("Rockets"))
                .body("status_label", equalTo("Customer"))
                .body("$", not(hasKey(cf.in("custom.cf_seats"))))
                .body(cf.in("'custom.cf_industry'"), equalTo("Aerospace"))
                .body(cf.in("'custom.cf_tier'"), contains("gold"))
                .body("contacts.name", contains("Wile E. Coyote", "Road Runner"))
                .extract().jsonPath();
        assertNotEquals(created.getString("date_updated"), updated.getString("date_updated"));

        org.request().get("/api/v1/lead/" + id + "/").then().statusCode(200)
                .body("name", equalTo("Acme Inc"))
                .body("status_label", equalTo("Customer"));
    }

    @Test
    void refusesNestedContactsAndBadValuesOnUpdateAndChangesNothing() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestCustomFields cf = customFields(org);
        String id = org.request().body(cf.in(ACME)).post("/api/v1/lead/").then().statusCode(200).extract().path("id");
        long rowsBefore = database.rowsOf(org.organizationId());

        org.request().body("{\"name\": \"Changed\", \"contacts\": [{\"name\": \"x\"}]}")
                .put("/api/v1/lead/" + id + "/").then().statusCode(400)
                .body("'field-errors'", hasKey("contacts"));
        org.request().body("{\"name\": \"Changed\", \"status\": \"Nope\"}")
                .put("/api/v1/lead/" + id + "/").then().statusCode(400)
                .body("'field-errors'", hasKey("status"));
        org.request().body("{\"status_id\": null}").put("/api/v1/lead/" + id + "/").then().statusCode(400);

        org.request().get("/api/v1/lead/" + id + "/").then().body("name", equalTo("Acme Corp"));
        assertEquals(rowsBefore, database.rowsOf(org.organizationId()));
    }

    @Test
    void anotherOrganizationCannotSeeOrChangeTheLead() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestCustomFields cf = customFields(org);
        TestOrganizations other = TestOrganizations.provisioned();
        JsonPath created = org.request().body(cf.in(ACME)).post("/api/v1/lead/").then().statusCode(200).extract().jsonPath();
        String id = created.getString("id");

        other.request().get("/api/v1/lead/" + id + "/").then().statusCode(404).body("error", notNullValue());
        other.request().body("{\"name\": \"Hijacked\"}").put("/api/v1/lead/" + id + "/").then().statusCode(404);
        other.request().delete("/api/v1/lead/" + id + "/").then().statusCode(404);
        other.request().get("/api/v1/contact/" + created.getString("contacts[0].id") + "/").then().statusCode(404);
        List<String> theirs = other.request().get("/api/v1/lead/").then().statusCode(200)
                .extract().jsonPath().getList("data.id");
        assertEquals(List.of(), theirs);

        org.request().get("/api/v1/lead/" + id + "/").then().statusCode(200).body("name", equalTo("Acme Corp"));
    }

    @Test
    void deletingALeadRemovesItAndItsContacts() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestCustomFields cf = customFields(org);
        JsonPath created = org.request().body(cf.in(ACME)).post("/api/v1/lead/").then().statusCode(200).extract().jsonPath();
        String id = created.getString("id");

        org.request().delete("/api/v1/lead/" + id + "/").then().statusCode(200).body("$", aMapWithSize(0));

        org.request().get("/api/v1/lead/" + id + "/").then().statusCode(404);
        org.request().get("/api/v1/contact/" + created.getString("contacts[0].id") + "/").then().statusCode(404);
        org.request().delete("/api/v1/lead/" + id).then().statusCode(404);
        assertEquals(0, database.count("contact", org.organizationId()));
    }

    @Test
    void unknownLeadIs404() {
        TestOrganizations org = TestOrganizations.provisioned();
        org.request().get("/api/v1/lead/lead_doesnotexist/").then().statusCode(404).body("error", notNullValue());
    }

    static String statusId(TestOrganizations org, String label) {
        return org.request().get("/api/v1/status/lead/").then().statusCode(200).extract().jsonPath()
                .getString("data.find { it.label == '" + label + "' }.id");
    }

    /** The custom fields this class's bodies name by placeholder. */
    static TestCustomFields customFields(TestOrganizations org) {
        return TestCustomFields.of(org)
                .define("lead", "cf_industry", "text", false)
                .define("lead", "cf_seats", "number", false)
                .define("lead", "cf_tier", "{\"name\": \"cf_tier\", \"type\": \"choices\", \"accepts_multiple_values\": true, \"choices\": [\"gold\", \"silver\"]}");
    }
}
