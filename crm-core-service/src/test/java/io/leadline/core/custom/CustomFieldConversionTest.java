package io.leadline.core.custom;

import io.leadline.core.Database;
import io.leadline.core.TestOrganizations;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Type changes: the new type at once, the stored values converted in the background, failures reported. */
@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class CustomFieldConversionTest {

    @Inject
    Database database;

    @Test
    void textBecomesNumberInTheBackgroundAndWhatDoesntConvertIsReported() {
        TestOrganizations org = TestOrganizations.provisioned();
        String field = field(org, "lead", "{\"name\": \"Seats\", \"type\": \"text\"}");
        String twelve = lead(org, Map.of("name", "A", "custom." + field, "12"));
        String decimal = lead(org, Map.of("name", "B", "custom." + field, " 7.50 "));
        String word = lead(org, Map.of("name", "C", "custom." + field, "many"));

        org.request().body("{\"type\": \"number\"}").put("/api/v1/custom_field/lead/" + field + "/").then()
                .statusCode(200).body("type", equalTo("number")).body("converting_to_type", equalTo("number"));
        database.awaitCustomFieldJobs(org.organizationId());

        JsonPath done = org.request().get("/api/v1/custom_field/lead/" + field + "/").then().statusCode(200)
                .body("$", not(hasKey("converting_to_type")))
                .body("conversion_failure_count", equalTo(1))
                .extract().jsonPath();
        assertEquals(List.of(Map.of("object_type", "lead", "object_id", word, "value", "many")),
                done.getList("conversion_failures"));
        org.request().get("/api/v1/lead/" + twelve + "/").then().body("'custom." + field + "'", equalTo(12));
        org.request().get("/api/v1/lead/" + decimal + "/").then().body("'custom." + field + "'", equalTo(7.5f));
        org.request().get("/api/v1/lead/" + word + "/").then().body("$", not(hasKey("custom." + field)));
        // the converted values answer number filters
        org.request().queryParam("custom." + field + "__gt", 10).get("/api/v1/lead/").then().statusCode(200)
                .body("data.id", contains(twelve));
    }

    @Test
    void datesDatetimesChoicesAndSingleValuesConvert() {
        TestOrganizations org = TestOrganizations.provisioned();
        String day = field(org, "contact", "{\"name\": \"Met\", \"type\": \"date\"}");
        String tier = field(org, "opportunity", "{\"name\": \"Tier\", \"type\": \"text\"}");
        String tags = field(org, "lead", "{\"name\": \"Tags\", \"type\": \"choices\", \"choices\": [\"A\", \"B\"],"
                + " \"accepts_multiple_values\": true}");
        String lead = lead(org, Map.of("name", "Acme", "custom." + tags, List.of("B", "A")));
        String contact = org.request().body(Map.of("lead_id", lead, "name", "Ann", "custom." + day, "2024-05-01"))
                .post("/api/v1/contact/").then().statusCode(200).extract().path("id");
        String gold = org.request().body(Map.of("lead_id", lead, "custom." + tier, "Gold"))
                .post("/api/v1/opportunity/").then().statusCode(200).extract().path("id");
        String tin = org.request().body(Map.of("lead_id", lead, "custom." + tier, "Tin"))
                .post("/api/v1/opportunity/").then().statusCode(200).extract().path("id");

        org.request().body("{\"type\": \"datetime\"}").put("/api/v1/custom_field/contact/" + day + "/").then().statusCode(200);
        org.request().body("{\"type\": \"choices\", \"choices\": [\"Gold\", \"Silver\"]}")
                .put("/api/v1/custom_field/opportunity/" + tier + "/").then().statusCode(200);
        org.request().body("{\"accepts_multiple_values\": false}").put("/api/v1/custom_field/lead/" + tags + "/").then()
                .statusCode(200).body("converting_to_type", equalTo("choices"));
        database.awaitCustomFieldJobs(org.organizationId());

        org.request().get("/api/v1/contact/" + contact + "/").then()
                .body("'custom." + day + "'", equalTo("2024-05-01T00:00:00+00:00"));
        org.request().get("/api/v1/opportunity/" + gold + "/").then().body("'custom." + tier + "'", equalTo("Gold"));
        org.request().get("/api/v1/opportunity/" + tin + "/").then().body("$", not(hasKey("custom." + tier)));
        org.request().get("/api/v1/custom_field/opportunity/" + tier + "/").then()
                .body("conversion_failures.value", contains("Tin"));
        // a single-valued field keeps the first item; the others are reported
        org.request().get("/api/v1/lead/" + lead + "/").then().body("'custom." + tags + "'", equalTo("B"));
        org.request().get("/api/v1/custom_field/lead/" + tags + "/").then()
                .body("conversion_failures.value", contains("A"));

        // and back: a datetime becomes its local date
        org.request().body("{\"type\": \"date\"}").put("/api/v1/custom_field/contact/" + day + "/").then().statusCode(200);
        database.awaitCustomFieldJobs(org.organizationId());
        org.request().get("/api/v1/contact/" + contact + "/").then().body("'custom." + day + "'", equalTo("2024-05-01"));
    }

    @Test
    void changesThatCantConvertAreRefusedAndChangeNothing() {
        TestOrganizations org = TestOrganizations.provisioned();
        String who = field(org, "lead", "{\"name\": \"Who\", \"type\": \"contact\"}");
        String seats = field(org, "lead", "{\"name\": \"Seats\", \"type\": \"text\"}");
        org.request().body("{\"type\": \"number\"}").put("/api/v1/custom_field/lead/" + who + "/").then()
                .statusCode(400).body("'field-errors'", hasKey("type"));
        org.request().body("{\"type\": \"contact\"}").put("/api/v1/custom_field/lead/" + seats + "/").then()
                .statusCode(400).body("'field-errors'", hasKey("type"));
        // a conversion still running: the type can't change again until it is done
        database.execute("update custom_field set converting_to_type = 'text' where id = $1", seats);
        org.request().body("{\"type\": \"number\"}").put("/api/v1/custom_field/lead/" + seats + "/").then()
                .statusCode(400).body("'field-errors'", hasKey("type"));
        database.execute("update custom_field set converting_to_type = null where id = $1", seats);
        org.request().get("/api/v1/custom_field/lead/" + seats + "/").then().body("type", equalTo("text"));
        // another organization's field is not found
        TestOrganizations.provisioned().request().body("{\"type\": \"number\"}")
                .put("/api/v1/custom_field/lead/" + seats + "/").then().statusCode(404);
        org.request().get("/api/v1/custom_field/lead/" + who + "/").then().body("type", equalTo("contact"));
    }

    /**
     * 100,000 values (seeded in one statement, not through the API) convert while the same leads keep being written:
     * every write succeeds, and afterwards every value is a number (a write that loaded its lead before the lead's
     * batch and wrote the old text back is caught by the job's second pass).
     */
    @Test
    void convertsAHundredThousandValuesWhileTheirLeadsAreWritten() {
        TestOrganizations org = TestOrganizations.provisioned();
        String field = field(org, "lead", "{\"name\": \"Score\", \"type\": \"text\"}");
        String status = org.request().get("/api/v1/status/lead/").then().extract().path("data[0].id");
        database.execute("insert into lead (id, organization_id, name, status_id, custom, date_created, date_updated, doc)"
                + " select o.org || '_' || lpad(n::text, 6, '0'), o.org, 'Lead ' || n, o.status,"
                + " jsonb_build_object(o.field, v), now(), now(),"
                + " jsonb_build_object('id', o.org || '_' || lpad(n::text, 6, '0'), 'name', 'Lead ' || n,"
                + " 'custom.' || o.field, v)"
                + " from (select cast($1 as text) org, cast($2 as text) status, cast($3 as text) field) o,"
                + " generate_series(1, 100000) n,"
                + " lateral (select to_jsonb(case when n % 1000 = 0 then 'n/a' else n::text end) v) value",
                org.organizationId(), status, field);

        org.request().body("{\"type\": \"number\"}").put("/api/v1/custom_field/lead/" + field + "/").then()
                .statusCode(200).body("converting_to_type", equalTo("number"));
        List<Integer> statuses = new ArrayList<>();
        int writesDuringConversion = 0;
        for (int n = 1; database.count("custom_field_job", org.organizationId()) > 0 && n < 100_000; n += 1_001) {
            String id = org.organizationId() + "_" + String.format("%06d", n);
            // every other write sets the value (checked as a number now), the others only rename
            Map<String, Object> body = n % 2 == 1 ? Map.of("name", "Written " + n, "custom." + field, "5")
                    : Map.of("name", "Written " + n);
            statuses.add(org.request().body(body).put("/api/v1/lead/" + id + "/").then().extract().statusCode());
            writesDuringConversion++;
        }
        database.awaitCustomFieldJobs(org.organizationId());

        assertTrue(writesDuringConversion > 0, "no write happened while the values were converting");
        assertTrue(statuses.stream().allMatch(code -> code == 200), statuses::toString);
        assertEquals(0, database.queryLong("select count(*) from lead where organization_id = $1"
                + " and custom ? cast($2 as text) and jsonb_typeof(custom -> cast($2 as text)) <> 'number'",
                org.organizationId(), field));
        assertEquals(0, database.queryLong("select count(*) from lead where organization_id = $1"
                + " and (doc -> ('custom.' || cast($2 as text))) is distinct from (custom -> cast($2 as text))",
                org.organizationId(), field));
        assertEquals(99_900, database.queryLong("select count(*) from lead where organization_id = $1"
                + " and custom ? cast($2 as text)", org.organizationId(), field));
        org.request().get("/api/v1/custom_field/lead/" + field + "/").then().statusCode(200)
                .body("$", not(hasKey("converting_to_type"))).body("conversion_failure_count", equalTo(100));
        String first = org.organizationId() + "_000001";
        org.request().get("/api/v1/lead/" + first + "/").then().statusCode(200)
                .body("name", equalTo("Written 1")).body("'custom." + field + "'", equalTo(5));
    }

    private static String field(TestOrganizations org, String owner, String body) {
        return org.request().body(body).post("/api/v1/custom_field/" + owner + "/").then().statusCode(200)
                .extract().path("id");
    }

    private static String lead(TestOrganizations org, Map<String, Object> body) {
        return org.request().body(body).post("/api/v1/lead/").then().statusCode(200).extract().path("id");
    }
}
