package io.leadline.core.lead;

import io.leadline.core.TestCustomFields;
import io.leadline.core.TestOrganizations;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/** {@code GET /api/v1/lead/?query=…}: Close's lead search language (io.leadline.core.search). */
@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class LeadSearchTest {

    @Test
    void emptyQueryAndStarListEverythingWithTheTotal() {
        TestOrganizations org = TestOrganizations.provisioned();
        lead(org, "{\"name\": \"One\"}");
        lead(org, "{\"name\": \"Two\"}");
        lead(org, "{\"name\": \"Three\"}");

        for (String query : List.of("", "*", "  ")) {
            org.request().queryParam("query", query).get("/api/v1/lead/").then().statusCode(200)
                    .body("data.name", contains("Three", "Two", "One"))
                    .body("has_more", equalTo(false))
                    .body("total_results", equalTo(3));
        }
        org.request().queryParam("query", "*").queryParam("_limit", 0).get("/api/v1/lead/").then().statusCode(200)
                .body("data", empty())
                .body("has_more", equalTo(true))
                .body("total_results", equalTo(3));
        // without query the envelope stays Close's plain one
        org.request().get("/api/v1/lead/").then().statusCode(200).body("$", not(hasKey("total_results")));
    }

    @Test
    void matchesFieldsFreeTextNegationAndGroups() {
        TestOrganizations org = TestOrganizations.provisioned();
        lead(org, "{\"name\": \"Acme Corp\", \"contacts\": [{\"name\": \"Bob\", \"emails\": [{\"email\": \"bob@widgets.io\"}]}]}");
        lead(org, "{\"name\": \"Other 100%\", \"description\": \"food\"}");

        assertNames(org, "name:\"Acme\"", "Acme Corp");
        assertNames(org, "company:acme", "Acme Corp");
        assertNames(org, "widgets.io", "Acme Corp");
        assertNames(org, "email_address:\"bob@widgets.io\"", "Acme Corp");
        assertNames(org, "bob", "Acme Corp");
        assertNames(org, "-name:acme", "Other 100%");
        assertNames(org, "NOT company:acme", "Other 100%");
        // a null description is no match, so its negation matches
        assertNames(org, "-description:foo", "Acme Corp");
        assertNames(org, "name:acme OR name:other sort:name", "Acme Corp", "Other 100%");
        assertNames(org, "(name:zzz OR name:other) -has:contacts", "Other 100%");
        assertNames(org, "(name:zzz OR name:other) has:contacts");
        // % and _ are literal, not wildcards
        assertNames(org, "\"100%\"", "Other 100%");
        assertNames(org, "\"r_1\"");
        assertNames(org, "status:potential sort:-name", "Other 100%", "Acme Corp");
        // sort: wins over _order_by
        org.request().queryParam("query", "sort:name").queryParam("_order_by", "-date_created").get("/api/v1/lead/")
                .then().statusCode(200).body("data.name", contains("Acme Corp", "Other 100%"));
    }

    @Test
    void matchesCustomFieldValuesById() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestCustomFields cf = customFields(org);
        lead(org, cf.in("{\"name\": \"Gold\", \"custom.cf_tier\": \"Gold\", \"custom.cf_size\": 250}"));
        lead(org, cf.in("{\"name\": \"Tags\", \"custom.cf_tags\": [\"alpha\", \"Gold rush\"]}"));
        lead(org, "{\"name\": \"None\"}");

        assertNames(org, cf.in("custom.cf_tier:gold"), "Gold");
        assertNames(org, cf.in("custom.cf_size:250"), "Gold");
        assertNames(org, cf.in("custom.cf_tags:\"gold rush\""), "Tags");
        assertNames(org, cf.in("-custom.cf_tier:gold sort:name"), "None", "Tags");
        // by name: quoted, ignoring case; a name no field has matches nothing; unquoted unknown names are a 400
        lead(org, "{\"name\": \"Sourced\"}");
        assertNames(org, "\"cf_tier\":\"gold\"", "Gold");
        assertNames(org, "\"CF_TAGS\":rush", "Tags");
        assertNames(org, "\"No Such Field\":gold");
        assertNames(org, "-\"cf_tier\":gold sort:name", "None", "Sourced", "Tags");
        org.request().queryParam("query", "Tier:Gold").get("/api/v1/lead/").then().statusCode(400);
    }

    @Test
    void countsAndHasLookAtTheLeadsChildren() {
        TestOrganizations org = TestOrganizations.provisioned();
        lead(org, "{\"name\": \"Two contacts\", \"contacts\": [{\"name\": \"A\"}, {\"name\": \"B\"}]}");
        lead(org, "{\"name\": \"One contact\", \"contacts\": [{\"name\": \"C\", \"phones\": [{\"phone\": \"+16505551234\"}]}]}");
        String withDeal = lead(org, "{\"name\": \"With deal\"}").getString("id");
        org.request().body("{\"lead_id\": \"" + withDeal + "\", \"value\": 500}").post("/api/v1/opportunity/")
                .then().statusCode(200);

        assertNames(org, "contacts > 1", "Two contacts");
        assertNames(org, "contacts>=1 sort:name", "One contact", "Two contacts");
        assertNames(org, "contacts:0", "With deal");
        assertNames(org, "has:opportunities", "With deal");
        assertNames(org, "opportunities < 1 sort:name", "One contact", "Two contacts");
        assertNames(org, "has:phones", "One contact");
        assertNames(org, "phone:\"(650) 555-1234\"", "One contact");
    }

    /** The Singer tap's incremental sync: everything updated since a mark, oldest first, paged with _skip. */
    @Test
    void pagesAnUpdatedSinceSearchInOrderWithoutDuplicates() {
        TestOrganizations org = TestOrganizations.provisioned();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(lead(org, "{\"name\": \"Lead " + i + "\"}").getString("id"));
        }
        // lead 1 changes last, so it comes last
        org.request().body("{\"description\": \"changed\"}").put("/api/v1/lead/" + ids.get(1) + "/").then()
                .statusCode(200);
        String mark = org.request().get("/api/v1/lead/" + ids.get(2) + "/").then().extract().path("date_updated");

        String query = "date_updated>=\"" + mark + "\" sort:date_updated";
        List<String> seen = new ArrayList<>();
        boolean more = true;
        for (int skip = 0; more; skip += 2) {
            JsonPath page = org.request().queryParam("query", query).queryParam("_limit", 2).queryParam("_skip", skip)
                    .get("/api/v1/lead/").then().statusCode(200).body("total_results", equalTo(4)).extract().jsonPath();
            seen.addAll(page.getList("data.id"));
            more = page.getBoolean("has_more");
        }
        assertEquals(List.of(ids.get(2), ids.get(3), ids.get(4), ids.get(1)), seen);
        // a plain date is a whole UTC day; a datetime is exact
        assertNames(org, "date_updated>\"" + mark + "\" sort:date_updated", "Lead 3", "Lead 4", "Lead 1");
        assertNames(org, "date_created < 2000-01-01");
        assertNames(org, "date_created >= yesterday date_created <= 9999-12-31 sort:created", "Lead 0", "Lead 1",
                "Lead 2", "Lead 3", "Lead 4");
    }

    @Test
    void slicesPartitionTheMatches() {
        TestOrganizations org = TestOrganizations.provisioned();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(lead(org, "{\"name\": \"Lead " + i + "\"}").getString("id"));
        }
        List<String> union = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            union.addAll(org.request().queryParam("query", "slice:" + k + "/3").get("/api/v1/lead/").then()
                    .statusCode(200).extract().jsonPath().getList("data.id"));
        }
        // disjoint parts that together are everything, the same on every request
        assertEquals(6, union.size());
        List<String> second = slice(org, 2);
        assertEquals(second, slice(org, 2));
        org.request().queryParam("query", "*").get("/api/v1/lead/").then()
                .body("data.id", containsInAnyOrder(union.toArray()));
    }

    @Test
    void badQueriesAreA400NamingThePosition() {
        TestOrganizations org = TestOrganizations.provisioned();

        org.request().queryParam("query", "name:acme OR )").get("/api/v1/lead/").then().statusCode(400)
                .body("'field-errors'.query", equalTo("Unexpected \")\" at position 14."));
        org.request().queryParam("query", "acme color:red").get("/api/v1/lead/").then().statusCode(400)
                .body("'field-errors'.query", equalTo("Unknown field \"color\" at position 6 (a custom field is named"
                        + " in quotes, \"Field Name\":value, or by id, custom.cf_…:value)."));
        org.request().queryParam("query", "slice:4/3").get("/api/v1/lead/").then().statusCode(400);
        org.request().queryParam("query", "sort:color").get("/api/v1/lead/").then().statusCode(400);
        org.request().queryParam("query", "date_updated > 0000-01-01").get("/api/v1/lead/").then().statusCode(400);
    }

    /** Whatever SQL a query turns into, PostgreSQL takes it: every random query is a 200 or a 400, never a 500. */
    @Test
    void randomQueriesAreAnsweredOrRefusedNeverA500() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestCustomFields cf = customFields(org);
        lead(org, cf.in("{\"name\": \"Acme\", \"custom.cf_tier\": [\"Gold\"], \"contacts\": [{\"name\": \"Ann\", ")
                + "\"emails\": [{\"email\": \"ann@acme.example\"}], \"phones\": [{\"phone\": \"+16505550100\"}]}]}");
        List<String> pieces = List.of("name", "company", "email", "phone", "url", "status", "user", "created_by",
                "date_created", "date_updated", "contacts", "opportunities", "tasks", "has", "sort", "slice", cf.in("custom.cf_tier"),
                "description", "id", "AND", "OR", "NOT", "-", "(", ")", "\"", "\\", ":", ">", ">=", "<", "<=", "*", " ",
                "\"this week\"", "\"3 days ago\"", "\"cf_tier\"", "\"Any Name\"",
                "2024-05-01", "2024-01-01T00:00:00", "9999-12-31", "0001-01-01", "today", "yesterday", "1", "0",
                "999999999", "1/1", "3/5", "1000/1000", "%", "_", "acme", "'", ";", "gold", "-created", "name");
        qt().withExamples(300).withShrinkCycles(50)
                .forAll(lists().of(integers().between(0, pieces.size() - 1).map(pieces::get)).ofSizeBetween(1, 12)
                        .map(items -> String.join("", items)))
                .checkAssert(query -> {
                    int status = org.request().queryParam("query", query).get("/api/v1/lead/").statusCode();
                    assertTrue(status == 200 || status == 400, () -> query + " answered " + status);
                });
    }

    /** However a query is shaped, another organization's leads never match it. */
    @Test
    void neverReturnsAnotherOrganizationsLeads() {
        TestOrganizations other = TestOrganizations.provisioned();
        String secret = lead(other, """
                {"name": "Secret Acme", "url": "https://secret.example",
                 "contacts": [{"name": "Sam", "emails": [{"email": "sam@secret.example"}]}]}""").getString("id");
        other.request().body("{\"lead_id\": \"" + secret + "\"}").post("/api/v1/opportunity/").then().statusCode(200);
        TestOrganizations org = TestOrganizations.provisioned();
        String own = lead(org, "{\"name\": \"Own\"}").getString("id");

        for (String query : List.of("*", "secret", "name:\"Secret Acme\"", "email:sam@secret.example",
                "url:secret.example", "-name:own", "NOT name:zzz", "has:contacts", "has:opportunities",
                "contacts > 0", "secret OR own", "(name:secret OR name:acme) OR -(name:own)", "date_created > 2000-01-01",
                "slice:1/1")) {
            org.request().queryParam("query", query).get("/api/v1/lead/").then().statusCode(200)
                    .body("data.id", not(hasItem(secret)));
        }
        org.request().queryParam("query", "secret OR own").get("/api/v1/lead/").then()
                .body("data.id", contains(own)).body("total_results", equalTo(1));
        org.request().queryParam("query", "secret").queryParam("_limit", 0).get("/api/v1/lead/").then()
                .body("total_results", equalTo(0)).body("has_more", equalTo(false));
        // the owner does find it
        other.request().queryParam("query", "sam@secret").get("/api/v1/lead/").then().body("data.id", contains(secret));
    }

    private static List<String> slice(TestOrganizations org, int part) {
        return org.request().queryParam("query", "slice:" + part + "/3").get("/api/v1/lead/").then().statusCode(200)
                .extract().jsonPath().getList("data.id");
    }

    private static void assertNames(TestOrganizations org, String query, String... names) {
        org.request().queryParam("query", query).get("/api/v1/lead/").then().statusCode(200)
                .body("data.name", names.length == 0 ? hasSize(0) : contains(names))
                .body("total_results", equalTo(names.length));
    }

    private static JsonPath lead(TestOrganizations org, String body) {
        return org.request().body(body).post("/api/v1/lead/").then().statusCode(200).extract().jsonPath();
    }

    /** The custom fields this class's bodies name by placeholder. */
    static TestCustomFields customFields(TestOrganizations org) {
        return TestCustomFields.of(org)
                .define("lead", "cf_tier", "{\"name\": \"cf_tier\", \"type\": \"choices\", \"accepts_multiple_values\": true, \"choices\": [\"Gold\"]}")
                .define("lead", "cf_size", "number", false)
                .define("lead", "cf_tags", "{\"name\": \"cf_tags\", \"type\": \"choices\", \"accepts_multiple_values\": true, \"choices\": [\"alpha\", \"Gold rush\"]}");
    }
}
