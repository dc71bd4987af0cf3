package io.leadline.core.opportunity;

import io.leadline.core.Database;
import io.leadline.core.TestCustomFields;
import io.leadline.core.TestOrganizations;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class OpportunityResourceTest {

    static final String DATETIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00";

    @Inject
    Database database;

    @Inject
    Pipelines pipelines;

    @Test
    void createsAnOpportunityOnALeadInClosesShape() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestCustomFields cf = customFields(org);
        JsonPath lead = createLead(org, "{\"name\": \"Acme\", \"contacts\": [{\"name\": \"Wile\"}]}");
        String contactId = lead.getString("contacts[0].id");

        JsonPath created = org.request().body(cf.in("""
                        {"lead_id": "%s", "contact_id": "%s", "value": 100050, "value_period": "monthly",
                         "confidence": 50, "note": "Big one", "custom.cf_source": "Referral"}""")
                        .formatted(lead.getString("id"), contactId))
                .post("/api/v1/opportunity/").then().statusCode(200)
                .body("id", matchesPattern("oppo_[0-9A-Za-z]{43}"))
                .body("organization_id", equalTo(org.organizationId()))
                .body("lead_id", equalTo(lead.getString("id")))
                .body("lead_name", equalTo("Acme"))
                .body("contact_id", equalTo(contactId))
                .body("contact_name", equalTo("Wile"))
                .body("user_id", equalTo(org.userId()))
                .body("status_id", equalTo(pipelines.statusId(org.organizationId(), "Active")))
                .body("status_label", equalTo("Active"))
                .body("status_type", equalTo("active"))
                .body("status_display_name", equalTo("Active"))
                .body("pipeline_id", equalTo(pipelines.pipelineId(org.organizationId(), "Sales")))
                .body("pipeline_name", equalTo("Sales"))
                .body("confidence", equalTo(50))
                .body("value", equalTo(100050))
                .body("value_period", equalTo("monthly"))
                .body("value_currency", equalTo("USD"))
                .body("value_formatted", equalTo("$1,000.50"))
                .body("annualized_value", equalTo(1200600))
                .body("expected_value", equalTo(50025))
                .body("annualized_expected_value", equalTo(600300))
                .body("date_won", nullValue())
                .body("date_lost", nullValue())
                .body("note", equalTo("Big one"))
                .body("attachments", empty())
                .body("integration_links", empty())
                .body(cf.in("'custom.cf_source'"), equalTo("Referral"))
                .body("created_by", equalTo(org.userId()))
                .body("updated_by", equalTo(org.userId()))
                .body("date_created", matchesPattern(DATETIME))
                .body("date_updated", matchesPattern(DATETIME))
                .extract().jsonPath();

        JsonPath read = org.request().get("/api/v1/opportunity/" + created.getString("id") + "/")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(created.getMap(""), read.getMap(""));
        org.request().queryParam("_fields", cf.in("id,value_formatted,custom.cf_source"))
                .get("/api/v1/opportunity/" + created.getString("id") + "/")
                .then().statusCode(200).body("$", aMapWithSize(3)).body("value_formatted", equalTo("$1,000.50"));
    }

    @Test
    void formatsWholeAmountsWithoutCents() {
        TestOrganizations org = TestOrganizations.provisioned();
        String leadId = createLead(org, "{\"name\": \"Acme\"}").getString("id");
        org.request().body("{\"lead_id\": \"" + leadId + "\", \"value\": 100000}").post("/api/v1/opportunity/")
                .then().statusCode(200)
                .body("value_formatted", equalTo("$1,000"))
                .body("value_period", equalTo("one_time"))
                .body("annualized_value", equalTo(100000))
                .body("expected_value", equalTo(0));
    }

    @Test
    void withoutALeadCreatesAnUntitledLead() {
        TestOrganizations org = TestOrganizations.provisioned();
        JsonPath created = org.request().body("{\"value\": 500}").post("/api/v1/opportunity/")
                .then().statusCode(200).body("lead_name", equalTo("Untitled")).extract().jsonPath();

        org.request().get("/api/v1/lead/" + created.getString("lead_id") + "/").then().statusCode(200)
                .body("name", equalTo("Untitled"));
    }

    @Test
    void choosesTheStatusFromThePipelineAndRefusesAStatusOfAnotherPipeline() {
        TestOrganizations org = TestOrganizations.provisioned();
        String leadId = createLead(org, "{\"name\": \"Acme\"}").getString("id");
        String renewals = pipelines.addPipeline(org.organizationId(), "Renewals", "Up for renewal:active",
                "Renewed:won", "Churned:lost");

        org.request().body("{\"lead_id\": \"" + leadId + "\", \"pipeline_id\": \"" + renewals + "\"}")
                .post("/api/v1/opportunity/").then().statusCode(200)
                .body("status_label", equalTo("Up for renewal"))
                .body("pipeline_id", equalTo(renewals))
                .body("pipeline_name", equalTo("Renewals"));
        long rowsBefore = rows(org);

        String salesWon = pipelines.statusId(org.organizationId(), "Won");
        org.request().body("{\"lead_id\": \"%s\", \"pipeline_id\": \"%s\", \"status_id\": \"%s\"}"
                        .formatted(leadId, renewals, salesWon))
                .post("/api/v1/opportunity/").then().statusCode(400)
                .body("'field-errors'", hasKey("status_id"));
        org.request().body("{\"lead_id\": \"" + leadId + "\", \"pipeline_id\": \"pipe_nope\"}")
                .post("/api/v1/opportunity/").then().statusCode(400)
                .body("'field-errors'", hasKey("pipeline_id"));
        org.request().body("{\"lead_id\": \"" + leadId + "\", \"status_id\": \"stat_nope\"}")
                .post("/api/v1/opportunity/").then().statusCode(400)
                .body("'field-errors'", hasKey("status_id"));
        assertEquals(rowsBefore, rows(org));
    }

    @Test
    void movingToAWonStatusSetsDateWonToTodayInTheCallersTimezoneAndMovingAwayKeepsIt() {
        TestOrganizations org = TestOrganizations.provisioned();
        String leadId = createLead(org, "{\"name\": \"Acme\"}").getString("id");
        String id = org.request().body("{\"lead_id\": \"" + leadId + "\"}").post("/api/v1/opportunity/")
                .then().statusCode(200).body("date_won", nullValue()).extract().path("id");

        String won = pipelines.statusId(org.organizationId(), "Won");
        org.request().header("X-TZ-Offset", "14").body("{\"status_id\": \"" + won + "\"}")
                .put("/api/v1/opportunity/" + id + "/").then().statusCode(200)
                .body("status_type", equalTo("won"))
                .body("date_won", equalTo(LocalDate.now(ZoneOffset.ofHours(14)).toString()));

        String active = pipelines.statusId(org.organizationId(), "Active");
        org.request().body("{\"status_id\": \"" + active + "\"}").put("/api/v1/opportunity/" + id + "/")
                .then().statusCode(200)
                .body("status_type", equalTo("active"))
                .body("date_won", equalTo(LocalDate.now(ZoneOffset.ofHours(14)).toString()));

        String second = org.request().header("X-TZ-Offset", "-10")
                .body("{\"lead_id\": \"" + leadId + "\", \"status_id\": \"" + won + "\"}")
                .post("/api/v1/opportunity/").then().statusCode(200)
                .body("date_won", equalTo(LocalDate.now(ZoneOffset.ofHours(-10)).toString()))
                .extract().path("id");
        org.request().body("{\"status_id\": \"" + won + "\", \"date_won\": \"2024-03-01\"}")
                .put("/api/v1/opportunity/" + second + "/").then().statusCode(200)
                .body("date_won", equalTo("2024-03-01"));
    }

    @Test
    void updatesOnlyTheFieldsSent() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestCustomFields cf = customFields(org);
        String leadId = createLead(org, "{\"name\": \"Acme\"}").getString("id");
        JsonPath created = org.request().body(cf.in("""
                        {"lead_id": "%s", "value": 2000, "confidence": 20, "note": "first",
                         "custom.cf_a": "x", "custom.cf_b": "y"}""").formatted(leadId))
                .post("/api/v1/opportunity/").then().statusCode(200).extract().jsonPath();
        String id = created.getString("id");

        org.request().body(cf.in("{\"note\": \"second\", \"custom.cf_a\": null, \"value_period\": \"annual\"}"))
                .put("/api/v1/opportunity/" + id + "/").then().statusCode(200)
                .body("note", equalTo("second"))
                .body("value", equalTo(2000))
                .body("confidence", equalTo(20))
                .body("value_period", equalTo("annual"))
                .body(cf.in("'custom.cf_a'"), nullValue())
                .body(cf.in("'custom.cf_b'"), equalTo("y"))
                .body("date_created", equalTo(created.getString("date_created")));

        org.request().body("{\"value\": null}").put("/api/v1/opportunity/" + id + "/").then().statusCode(200)
                .body("value", nullValue())
                .body("value_formatted", nullValue())
                .body("expected_value", nullValue());
    }

    @Test
    void showsStatusRenamesAtOnce() {
        TestOrganizations org = TestOrganizations.provisioned();
        String leadId = createLead(org, "{\"name\": \"Acme\"}").getString("id");
        String id = org.request().body("{\"lead_id\": \"" + leadId + "\"}").post("/api/v1/opportunity/")
                .then().statusCode(200).extract().path("id");

        pipelines.renameStatus(pipelines.statusId(org.organizationId(), "Active"), "Negotiating");

        org.request().get("/api/v1/opportunity/" + id + "/").then().statusCode(200)
                .body("status_label", equalTo("Negotiating"));
    }

    @Test
    void refusesBadInputWithFieldErrorsAndWritesNothing() {
        TestOrganizations org = TestOrganizations.provisioned();
        String leadId = createLead(org, "{\"name\": \"Acme\"}").getString("id");
        long rowsBefore = rows(org);

        org.request().body("""
                        {"lead_id": "%s", "value": "lots", "value_period": "weekly", "confidence": 150,
                         "date_won": "yesterday", "note": 5, "custom.Industry": "x"}""".formatted(leadId))
                .post("/api/v1/opportunity/").then().statusCode(400)
                .body("'field-errors'.value", notNullValue())
                .body("'field-errors'.value_period", notNullValue())
                .body("'field-errors'.confidence", notNullValue())
                .body("'field-errors'.date_won", notNullValue())
                .body("'field-errors'.note", notNullValue())
                .body("'field-errors'.'custom.Industry'", notNullValue());
        org.request().body("[1, 2]").post("/api/v1/opportunity/").then().statusCode(400);
        org.request().body("{\"value\": ").post("/api/v1/opportunity/").then().statusCode(400);
        assertEquals(rowsBefore, rows(org));

        String id = org.request().body("{\"lead_id\": \"" + leadId + "\", \"note\": \"kept\"}")
                .post("/api/v1/opportunity/").then().statusCode(200).extract().path("id");
        long rowsAfterCreate = rows(org);
        org.request().body("{\"note\": \"changed\", \"status_id\": null}").put("/api/v1/opportunity/" + id + "/")
                .then().statusCode(400).body("'field-errors'", hasKey("status_id"));
        org.request().body("{\"note\": \"changed\", \"status_id\": \"stat_nope\"}").put("/api/v1/opportunity/" + id + "/")
                .then().statusCode(400).body("'field-errors'", hasKey("status_id"));
        org.request().body("{\"note\": \"changed\", \"lead_id\": \"lead_nope\"}").put("/api/v1/opportunity/" + id + "/")
                .then().statusCode(400).body("'field-errors'", hasKey("lead_id"));
        org.request().get("/api/v1/opportunity/" + id + "/").then().body("note", equalTo("kept"));
        assertEquals(rowsAfterCreate, rows(org));
    }

    @Test
    void anotherOrganizationsObjectsAreNotFoundOrRefused() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestOrganizations other = TestOrganizations.provisioned();
        JsonPath lead = createLead(org, "{\"name\": \"Acme\", \"contacts\": [{\"name\": \"Wile\"}]}");
        String id = org.request().body("{\"lead_id\": \"" + lead.getString("id") + "\", \"note\": \"mine\"}")
                .post("/api/v1/opportunity/").then().statusCode(200).extract().path("id");
        long otherRows = rows(other);

        other.request().get("/api/v1/opportunity/" + id + "/").then().statusCode(404).body("error", notNullValue());
        other.request().body("{\"note\": \"hijacked\"}").put("/api/v1/opportunity/" + id + "/").then().statusCode(404);
        other.request().delete("/api/v1/opportunity/" + id + "/").then().statusCode(404);
        other.request().body("{\"lead_id\": \"" + lead.getString("id") + "\"}").post("/api/v1/opportunity/")
                .then().statusCode(400).body("'field-errors'", hasKey("lead_id"));
        String otherLead = createLead(other, "{\"name\": \"Theirs\"}").getString("id");
        otherRows = rows(other);
        other.request().body("{\"lead_id\": \"%s\", \"contact_id\": \"%s\"}"
                        .formatted(otherLead, lead.getString("contacts[0].id")))
                .post("/api/v1/opportunity/").then().statusCode(400).body("'field-errors'", hasKey("contact_id"));
        other.request().body("{\"lead_id\": \"%s\", \"status_id\": \"%s\"}"
                        .formatted(otherLead, pipelines.statusId(org.organizationId(), "Won")))
                .post("/api/v1/opportunity/").then().statusCode(400).body("'field-errors'", hasKey("status_id"));
        assertEquals(otherRows, rows(other));

        org.request().get("/api/v1/opportunity/" + id + "/").then().statusCode(200).body("note", equalTo("mine"));
    }

    @Test
    void aContactMustBelongToTheOpportunitysLead() {
        TestOrganizations org = TestOrganizations.provisioned();
        String leadId = createLead(org, "{\"name\": \"Acme\"}").getString("id");
        String otherContact = createLead(org, "{\"name\": \"Beta\", \"contacts\": [{\"name\": \"Bob\"}]}")
                .getString("contacts[0].id");

        org.request().body("{\"lead_id\": \"" + leadId + "\", \"contact_id\": \"" + otherContact + "\"}")
                .post("/api/v1/opportunity/").then().statusCode(400).body("'field-errors'", hasKey("contact_id"));
    }

    @Test
    void deletesAnOpportunity() {
        TestOrganizations org = TestOrganizations.provisioned();
        String leadId = createLead(org, "{\"name\": \"Acme\"}").getString("id");
        String id = org.request().body("{\"lead_id\": \"" + leadId + "\"}").post("/api/v1/opportunity/")
                .then().statusCode(200).extract().path("id");

        org.request().delete("/api/v1/opportunity/" + id + "/").then().statusCode(200).body("$", anEmptyMap());
        org.request().get("/api/v1/opportunity/" + id + "/").then().statusCode(404);
        org.request().delete("/api/v1/opportunity/" + id + "/").then().statusCode(404);
    }

    @Test
    void deletingALeadDeletesItsOpportunities() {
        TestOrganizations org = TestOrganizations.provisioned();
        String leadId = createLead(org, "{\"name\": \"Acme\", \"contacts\": [{\"name\": \"Wile\"}]}").getString("id");
        String keptLead = createLead(org, "{\"name\": \"Beta\"}").getString("id");
        String contactId = org.request().get("/api/v1/lead/" + leadId + "/").then().extract().path("contacts[0].id");
        String first = org.request().body("{\"lead_id\": \"" + leadId + "\", \"contact_id\": \"" + contactId + "\"}")
                .post("/api/v1/opportunity/").then().statusCode(200).extract().path("id");
        String second = org.request().body("{\"lead_id\": \"" + leadId + "\"}").post("/api/v1/opportunity/")
                .then().statusCode(200).extract().path("id");
        String kept = org.request().body("{\"lead_id\": \"" + keptLead + "\"}").post("/api/v1/opportunity/")
                .then().statusCode(200).extract().path("id");

        org.request().delete("/api/v1/lead/" + leadId + "/").then().statusCode(200);

        org.request().get("/api/v1/opportunity/" + first + "/").then().statusCode(404);
        org.request().get("/api/v1/opportunity/" + second + "/").then().statusCode(404);
        org.request().get("/api/v1/opportunity/" + kept + "/").then().statusCode(200);
    }

    static JsonPath createLead(TestOrganizations org, String body) {
        return org.request().body(body).post("/api/v1/lead/").then().statusCode(200).extract().jsonPath();
    }

    private long rows(TestOrganizations org) {
        return database.rowsOf(org.organizationId()) + database.count("opportunity", org.organizationId());
    }

    /** The custom fields this class's bodies name by placeholder. */
    static TestCustomFields customFields(TestOrganizations org) {
        return TestCustomFields.of(org)
                .define("opportunity", "cf_source", "text", false)
                .define("opportunity", "cf_a", "text", false)
                .define("opportunity", "cf_b", "text", false);
    }
}
