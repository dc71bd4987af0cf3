package io.leadline.core.readmodel;

import io.leadline.core.TestCustomFields;
import io.leadline.core.TestOrganizations;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The read path (one statement per GET): filters, _fields, ordering, paging and organization scoping. */
@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class ReadPathTest {

    @Inject
    Pool pool;

    @Inject
    ReadDocuments readDocuments;

    @Test
    void fieldsPickKeysCustomValuesAndEmbedsInsideTheOneStatement() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestCustomFields cf = customFields(org);
        String id = lead(org, cf.in("""
                {"name": "Acme", "custom.cf_a": "x", "custom.cf_b": 2.50,
                 "contacts": [{"name": "Wile", "emails": [{"email": "wile@acme.example"}]}]}"""));

        org.request().queryParam("_fields", "id,custom").get("/api/v1/lead/" + id + "/").then().statusCode(200)
                .body("$", aMapWithSize(3))
                .body("id", equalTo(id))
                .body(cf.in("'custom.cf_a'"), equalTo("x"))
                .body(cf.in("'custom.cf_b'"), equalTo(2.5f));
        org.request().queryParam("_fields", cf.in("name,custom.cf_b,primary_email")).get("/api/v1/lead/" + id + "/")
                .then().statusCode(200)
                .body("$", aMapWithSize(3))
                .body("primary_email.email", equalTo("wile@acme.example"));
        org.request().queryParam("_fields", "contacts,status_label,no_such_field").get("/api/v1/lead/" + id + "/")
                .then().statusCode(200)
                .body("$", aMapWithSize(2))
                .body("contacts.name", contains("Wile"))
                .body("status_label", equalTo("Potential"));
        String unnamed = lead(org, """
                {"contacts": [{"name": "  "}, {"name": "Road Runner", "phones": [{"phone": "+16505551234"}]}]}""");
        org.request().queryParam("_fields", "display_name,primary_phone,primary_email")
                .get("/api/v1/lead/" + unnamed + "/").then().statusCode(200)
                .body("$", aMapWithSize(3))
                .body("display_name", equalTo("Road Runner"))
                .body("primary_phone.phone", equalTo("+16505551234"))
                .body("primary_email", nullValue());
        org.request().queryParam("_fields", "id,name").get("/api/v1/lead/").then().statusCode(200)
                .body("data[0]", aMapWithSize(2))
                .body("data[0]", not(hasKey("contacts")));
    }

    @Test
    void numbersNullsAndDatetimesReadBackExactlyAsWritten() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestCustomFields cf = customFields(org);
        String body = org.request().body(cf.in("""
                {"name": "Exact", "description": null, "custom.cf_n": 1.0, "custom.cf_big": 12345678901234,
                 "custom.cf_list": ["one", "two"], "custom.cf_frac": 0.1}"""))
                .post("/api/v1/lead/").then().statusCode(200).extract().asString();
        JsonPath created = JsonPath.from(body);
        JsonPath read = org.request().get("/api/v1/lead/" + created.getString("id") + "/").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(created.getMap(""), read.getMap(""));
        assertEquals(created.getString("date_created"), read.getString("date_created"));
    }

    @Test
    void anotherOrganizationsIdIs404AndItsRowsNeverMatchAFilter() {
        TestOrganizations mine = TestOrganizations.provisioned();
        TestOrganizations theirs = TestOrganizations.provisioned();
        String theirLead = lead(theirs, "{\"name\": \"Theirs\", \"contacts\": [{\"name\": \"Them\"}]}");
        String theirContact = theirs.request().get("/api/v1/lead/" + theirLead + "/").then().extract()
                .jsonPath().getString("contacts[0].id");
        String theirOpportunity = theirs.request().body("{\"lead_id\": \"" + theirLead + "\", \"value\": 100}")
                .post("/api/v1/opportunity/").then().statusCode(200).extract().jsonPath().getString("id");
        String theirTask = theirs.request().body("{\"lead_id\": \"" + theirLead + "\", \"text\": \"call\"}")
                .post("/api/v1/task/").then().statusCode(200).extract().jsonPath().getString("id");
        lead(mine, "{\"name\": \"Mine\"}");

        mine.request().get("/api/v1/lead/" + theirLead + "/").then().statusCode(404);
        mine.request().get("/api/v1/contact/" + theirContact + "/").then().statusCode(404);
        mine.request().get("/api/v1/opportunity/" + theirOpportunity + "/").then().statusCode(404);
        mine.request().get("/api/v1/task/" + theirTask + "/").then().statusCode(404);

        mine.request().queryParam("id", theirLead).get("/api/v1/lead/").then().statusCode(200).body("data", empty());
        mine.request().queryParam("id__in", theirLead).get("/api/v1/lead/").then().statusCode(200).body("data", empty());
        mine.request().queryParam("lead_id", theirLead).get("/api/v1/contact/").then().statusCode(200)
                .body("data", empty());
        mine.request().queryParam("lead_id", theirLead).get("/api/v1/opportunity/").then().statusCode(200)
                .body("data", empty()).body("total_results", equalTo(0));
        mine.request().queryParam("organization_id", theirs.organizationId()).get("/api/v1/opportunity/").then()
                .statusCode(200).body("data", empty());
        mine.request().queryParam("lead_id", theirLead).get("/api/v1/task/").then().statusCode(200)
                .body("data", empty());
        mine.request().get("/api/v1/lead/").then().statusCode(200).body("data.name", contains("Mine"));
    }

    @Test
    void pagesFollowTheOrderWithAnExactHasMore() {
        TestOrganizations org = TestOrganizations.provisioned();
        List<String> ids = new ArrayList<>();
        for (String name : List.of("b", "d", "a", "c", "e")) {
            ids.add(lead(org, "{\"name\": \"" + name + "\"}"));
        }
        List<String> newestFirst = new ArrayList<>(ids);
        java.util.Collections.reverse(newestFirst);

        org.request().queryParam("_limit", 2).get("/api/v1/lead/").then().statusCode(200)
                .body("data.id", contains(newestFirst.get(0), newestFirst.get(1))).body("has_more", equalTo(true));
        org.request().queryParam("_limit", 2).queryParam("_skip", 2).get("/api/v1/lead/").then().statusCode(200)
                .body("data.id", contains(newestFirst.get(2), newestFirst.get(3))).body("has_more", equalTo(true));
        org.request().queryParam("_limit", 2).queryParam("_skip", 4).get("/api/v1/lead/").then().statusCode(200)
                .body("data.id", contains(newestFirst.get(4))).body("has_more", equalTo(false));
        org.request().queryParam("_limit", 5).get("/api/v1/lead/").then().statusCode(200)
                .body("data", hasSize(5)).body("has_more", equalTo(false));
        org.request().queryParam("_order_by", "date_created").queryParam("_fields", "id")
                .get("/api/v1/lead/").then().statusCode(200).body("data.id", equalTo(ids));
    }

    @Test
    void filtersCombineAndBadOnesAre400s() {
        TestOrganizations org = TestOrganizations.provisioned();
        String first = lead(org, "{\"name\": \"first\"}");
        String second = lead(org, "{\"name\": \"second\", \"status\": \"Qualified\"}");
        String qualified = org.request().get("/api/v1/lead/" + second + "/").then().extract().jsonPath()
                .getString("status_id");
        String createdSecond = org.request().get("/api/v1/lead/" + second + "/").then().extract().jsonPath()
                .getString("date_created");

        org.request().queryParam("status_id", qualified).get("/api/v1/lead/").then().statusCode(200)
                .body("data.id", contains(second));
        org.request().queryParam("id__in", first + "," + second).queryParam("date_created__lt", createdSecond)
                .get("/api/v1/lead/").then().statusCode(200).body("data.id", contains(first));
        org.request().queryParam("name'; drop table lead; --", "x").get("/api/v1/lead/").then().statusCode(400);
        org.request().queryParam("_order_by", "id; drop table lead").get("/api/v1/lead/").then().statusCode(400);
        org.request().queryParam("status_id", "x' or '1'='1").get("/api/v1/lead/").then().statusCode(200)
                .body("data", empty());
        org.request().get("/api/v1/lead/").then().statusCode(200).body("data", hasSize(2));
    }

    @Test
    void fieldsFromOtherRowsAreReadAtOnceAfterTheyChange() {
        TestOrganizations org = TestOrganizations.provisioned();
        String id = lead(org, "{\"name\": \"Named\", \"contacts\": [{\"name\": \"Pat\"}]}");
        JsonPath lead = org.request().get("/api/v1/lead/" + id + "/").then().extract().jsonPath();
        String contactId = lead.getString("contacts[0].id");
        String statusId = lead.getString("status_id");
        String opportunity = org.request().body("{\"lead_id\": \"" + id + "\", \"contact_id\": \"" + contactId + "\"}")
                .post("/api/v1/opportunity/").then().statusCode(200).extract().jsonPath().getString("id");

        org.request().body("{\"label\": \"Renamed\"}").put("/api/v1/status/lead/" + statusId + "/").then().statusCode(200);
        org.request().body("{\"name\": \"Renamed lead\"}").put("/api/v1/lead/" + id + "/").then().statusCode(200);
        org.request().delete("/api/v1/contact/" + contactId + "/").then().statusCode(200);

        org.request().get("/api/v1/lead/" + id + "/").then().statusCode(200)
                .body("status_label", equalTo("Renamed"))
                .body("contacts", empty())
                .body("opportunities[0].lead_name", equalTo("Renamed lead"))
                .body("opportunities[0].contact_id", nullValue());
        org.request().get("/api/v1/opportunity/" + opportunity + "/").then().statusCode(200)
                .body("lead_name", equalTo("Renamed lead"))
                .body("contact_id", nullValue())
                .body("contact_name", nullValue());
        org.request().get("/api/v1/status/lead/").then().statusCode(200).body("data.label", hasItem("Renamed"));
    }

    @Test
    void rowsWrittenBeforeDocumentsExistedReadTheSameOnceBackfilled() throws Throwable {
        TestOrganizations org = TestOrganizations.provisioned();
        TestCustomFields cf = customFields(org);
        String id = lead(org, cf.in("{\"name\": \"Old\", \"custom.cf_x\": 3, \"contacts\": [{\"name\": \"Kim\",")
                + " \"phones\": [{\"phone\": \"+14155551234\"}]}]}");
        String task = org.request().body("{\"lead_id\": \"" + id + "\", \"text\": \"call\", \"date\": \"2030-01-02\"}")
                .post("/api/v1/task/").then().statusCode(200).extract().jsonPath().getString("id");
        Map<String, Object> before = org.request().get("/api/v1/lead/" + id + "/").then().extract().jsonPath().getMap("");
        for (String table : List.of("lead", "contact", "task", "lead_status")) {
            pool.preparedQuery("update " + table + " set doc = null where organization_id = $1")
                    .execute(Tuple.of(org.organizationId())).await().indefinitely();
        }

        long rendered = VertxContextSupport.subscribeAndAwait(readDocuments::backfill);

        assertTrue(rendered >= 5, "rendered " + rendered);

        Map<String, Object> after = org.request().get("/api/v1/lead/" + id + "/").then().statusCode(200)
                .extract().jsonPath().getMap("");
        assertEquals(before, after);
        org.request().get("/api/v1/task/" + task + "/").then().statusCode(200).body("date", equalTo("2030-01-02"));
    }

    private static String lead(TestOrganizations org, String body) {
        return org.request().body(body).post("/api/v1/lead/").then().statusCode(200).extract().jsonPath().getString("id");
    }

    /** The custom fields this class's bodies name by placeholder. */
    static TestCustomFields customFields(TestOrganizations org) {
        return TestCustomFields.of(org)
                .define("lead", "cf_a", "text", false)
                .define("lead", "cf_b", "number", false)
                .define("lead", "cf_n", "number", false)
                .define("lead", "cf_big", "number", false)
                .define("lead", "cf_list", "{\"name\": \"cf_list\", \"type\": \"choices\", \"accepts_multiple_values\": true, \"choices\": [\"one\", \"two\"]}")
                .define("lead", "cf_frac", "number", false)
                .define("lead", "cf_x", "number", false);
    }
}
