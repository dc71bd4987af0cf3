package io.leadline.core.savedsearch;

import io.leadline.core.TestCustomFields;
import io.leadline.core.TestOrganizations;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /data/search/} against the real database: every clause and condition of the structured tree as SQL,
 * relations between leads, contacts, opportunities and tasks, cursors, and organization isolation.
 */
@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class DataSearchResourceTest {

    private TestOrganizations org;
    private TestOrganizations other;
    private TestCustomFields cf;
    private String acme;
    private String beta;
    private String gamma;
    private String bob;
    private String secret;

    @BeforeEach
    void seed() {
        org = TestOrganizations.provisioned();
        cf = TestCustomFields.of(org).text("lead", "cf_industry").define("lead", "cf_seats", "number", false);
        acme = lead(org, cf.in("{\"name\": \"Acme Corp\", \"custom.cf_industry\": \"Heavy Machinery\","
                + " \"custom.cf_seats\": 250, \"contacts\": [{\"name\": \"Bob Stone\", \"title\": \"CEO\","
                + " \"emails\": [{\"email\": \"bob@acme.io\"}]}]}"));
        bob = org.request().queryParam("lead_id", acme).get("/api/v1/contact/").then().extract().path("data[0].id");
        beta = lead(org, cf.in("{\"name\": \"Beta Ltd\", \"description\": \"machinery parts\", \"custom.cf_seats\": 12}"));
        gamma = lead(org, "{\"name\": \"Gamma\", \"contacts\": [{\"name\": \"Carol\", \"title\": \"CTO\"}]}");
        org.request().body("{\"lead_id\": \"" + acme + "\", \"value\": 500000, \"confidence\": 70, \"note\": \"big deal\"}")
                .post("/api/v1/opportunity/").then().statusCode(200);
        org.request().body("{\"lead_id\": \"" + beta + "\", \"value\": 1000, \"note\": \"small\"}")
                .post("/api/v1/opportunity/").then().statusCode(200);
        org.request().body("{\"lead_id\": \"" + gamma + "\", \"text\": \"Call back\", \"is_complete\": true}")
                .post("/api/v1/task/").then().statusCode(200);
        other = TestOrganizations.provisioned();
        secret = lead(other, "{\"name\": \"Acme Secret\", \"contacts\": [{\"name\": \"Bob Stone\", \"title\": \"CEO\"}]}");
        other.request().body("{\"lead_id\": \"" + secret + "\", \"value\": 900000}").post("/api/v1/opportunity/")
                .then().statusCode(200);
    }

    @Test
    void textIdAndRegularFieldConditionsOnLeads() {
        assertLeads(query("{\"type\": \"text\", \"value\": \"acme\"}"), acme);
        // full_words: every word somewhere; phrase: the words together
        assertLeads(query("{\"type\": \"text\", \"value\": \"stone bob\", \"mode\": \"full_words\"}"), acme);
        assertLeads(query("{\"type\": \"text\", \"value\": \"stone bob\", \"mode\": \"phrase\"}"));
        assertLeads(query("{\"type\": \"id\", \"value\": \"" + beta + "\"}"), beta);
        assertLeads(query(regular("lead", "description", "{\"type\": \"text\", \"value\": \"MACHINERY\"}")), beta);
        assertLeads(query(regular("lead", "description", "{\"type\": \"exists\"}")), beta);
        assertLeads(query(regular("lead", "name", "{\"type\": \"term\", \"values\": [\"Gamma\", \"Beta Ltd\"]}")),
                beta, gamma);
        assertLeads(query(regular("lead", "created_by", "{\"type\": \"current_user\"}")), acme, beta, gamma);
        assertLeads(query(regular("lead", "status_label", "{\"type\": \"text\", \"value\": \"potent\"}")),
                acme, beta, gamma);
        // negate and or
        assertLeads(query("{\"type\": \"text\", \"value\": \"acme\", \"negate\": true}"), beta, gamma);
        assertLeads(query("{\"type\": \"or\", \"queries\": [{\"type\": \"id\", \"value\": \"" + acme + "\"},"
                + " {\"type\": \"id\", \"value\": \"" + gamma + "\"}]}"), acme, gamma);
    }

    @Test
    void momentRangesTakeFixedRelativeAndOffsetBounds() {
        assertLeads(query(regular("lead", "date_created", moments("{\"type\": \"fixed_utc\", \"value\": \"2000-01-01T00:00:00Z\"}",
                "null"))), acme, beta, gamma);
        assertLeads(query(regular("lead", "date_created", moments("null",
                "{\"type\": \"fixed_local_date\", \"value\": \"2000-01-01\", \"which\": \"end\"}"))));
        assertLeads(query(regular("lead", "date_updated", moments(
                "{\"type\": \"start_end_of_predefined_relative_period\", \"range\": \"today\", \"which\": \"start\"}",
                "{\"type\": \"start_end_of_predefined_relative_period\", \"range\": \"today\", \"which\": \"end\"}"))),
                acme, beta, gamma);
        assertLeads(query(regular("lead", "date_created", moments(
                "{\"type\": \"offset\", \"direction\": \"past\", \"offset\": {\"hours\": 1}}", "null"))),
                acme, beta, gamma);
        assertLeads(query(regular("lead", "date_created", moments(
                "{\"type\": \"offset\", \"direction\": \"future\", \"offset\": {\"days\": 1}}", "null"))));
    }

    @Test
    void customFieldConditions() {
        assertLeads(query(custom("cf_industry", "{\"type\": \"text\", \"value\": \"machinery\"}")), acme);
        assertLeads(query(custom("cf_industry", "{\"type\": \"term\", \"values\": [\"Heavy Machinery\"]}")), acme);
        assertLeads(query(custom("cf_seats", "{\"type\": \"number_range\", \"gte\": 100}")), acme);
        assertLeads(query(custom("cf_seats", "{\"type\": \"number_range\", \"lt\": 100, \"gt\": 1.5}")), beta);
        assertLeads(query(custom("cf_seats", "{\"type\": \"exists\"}")), acme, beta);
        assertLeads(query(negated(custom("cf_seats", "{\"type\": \"exists\"}"))), gamma);
    }

    @Test
    void relatedObjectsInEveryDirection() {
        String ceo = regular("contact", "title", "{\"type\": \"term\", \"values\": [\"CEO\"]}");
        assertLeads(query(related("lead", "contact", ceo)), acme);
        assertLeads(query(related("lead", "opportunity", regular("opportunity", "value",
                "{\"type\": \"number_range\", \"gt\": 100000}"))), acme);
        assertLeads(query(related("lead", "task", regular("task", "is_complete", "{\"type\": \"boolean\", \"value\": true}"))),
                gamma);
        assertLeads(query(negated(related("lead", "contact", "{\"type\": \"match_all\"}"))), beta);

        // contacts whose lead has a big opportunity; opportunities of leads with a CEO; tasks of Gamma
        search("contact", related("contact", "lead", related("lead", "opportunity", regular("opportunity", "value",
                "{\"type\": \"number_range\", \"gte\": 500000}"))), "[\"id\", \"name\"]")
                .then().statusCode(200)
                .body("data.id", contains(bob)).body("data[0].name", equalTo("Bob Stone"))
                .body("data[0].__object_type", equalTo("contact"));
        search("opportunity", related("opportunity", "lead", related("lead", "contact", ceo)), "[\"note\"]")
                .then().statusCode(200).body("data.note", contains("big deal"));
        search("task", related("task", "lead", "{\"type\": \"id\", \"value\": \"" + gamma + "\"}"), "[\"text\"]")
                .then().statusCode(200).body("data.text", contains("Call back"));
    }

    /** Whatever a query says, another organization's rows never match it. */
    @Test
    void neverReturnsAnotherOrganizationsObjects() {
        List<String> queries = List.of("{\"type\": \"text\", \"value\": \"acme\"}",
                "{\"type\": \"id\", \"value\": \"" + secret + "\"}",
                "{\"type\": \"text\", \"value\": \"zzz\", \"negate\": true}",
                related("lead", "contact", regular("contact", "name", "{\"type\": \"text\", \"value\": \"bob\"}")),
                related("lead", "opportunity", regular("opportunity", "value", "{\"type\": \"number_range\", \"gt\": 800000}")),
                regular("lead", "name", "{\"type\": \"term\", \"values\": [\"Acme Secret\"]}"),
                "{\"type\": \"or\", \"queries\": [{\"type\": \"match_all\"}, {\"type\": \"id\", \"value\": \"" + secret + "\"}]}");
        for (String clause : queries) {
            JsonPath found = query(clause);
            assertTrue(!found.getList("data.id").contains(secret), clause);
        }
        search("opportunity", "{\"type\": \"match_all\"}", "[\"lead_id\"]").then().statusCode(200)
                .body("data.lead_id", not(hasItem(secret)));
        // the owner finds it
        other.request().body(body("lead", "{\"type\": \"text\", \"value\": \"acme\"}", null, ""))
                .post("/api/v1/data/search/").then().statusCode(200).body("data.id", contains(secret));
    }

    @Test
    void cursorsPageEveryMatchOnceAndAreSigned() {
        TestOrganizations many = TestOrganizations.provisioned();
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 120; i++) {
            created.add(lead(many, "{\"name\": \"Lead " + (i % 7) + "\"}"));
        }
        String sorted = ", \"sort\": [{\"direction\": \"asc\", \"field\": {\"type\": \"regular_field\","
                + " \"object_type\": \"lead\", \"field_name\": \"name\"}}], \"_limit\": 50, \"include_counts\": true";
        List<String> seen = new ArrayList<>();
        List<String> names = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String body = "{\"query\": " + withType("lead", "{\"type\": \"text\", \"value\": \"lead\"}")
                    + sorted + ", \"_fields\": {\"lead\": [\"id\", \"name\"]}"
                    + (cursor == null ? "" : ", \"cursor\": \"" + cursor + "\"") + "}";
            JsonPath page = many.request().body(body).post("/api/v1/data/search/").then().statusCode(200)
                    .body("count.total", equalTo(120)).body("count.limited", equalTo(120)).extract().jsonPath();
            seen.addAll(page.getList("data.id"));
            names.addAll(page.getList("data.name"));
            cursor = page.getString("cursor");
            pages++;
        } while (cursor != null);
        assertEquals(3, pages);
        assertEquals(created, new HashSet<>(seen));
        assertEquals(120, seen.size());
        assertEquals(names.stream().sorted().toList(), names);

        // results_limit caps the sequence across pages
        String capped = "{\"query\": " + withType("lead", "{\"type\": \"match_all\"}") + ", \"_limit\": 30,"
                + " \"results_limit\": 45, \"include_counts\": true}";
        JsonPath first = many.request().body(capped).post("/api/v1/data/search/").then().statusCode(200)
                .body("count.total", equalTo(120)).body("count.limited", equalTo(45)).extract().jsonPath();
        assertEquals(30, first.getList("data").size());
        JsonPath second = many.request().body(withCursor(capped, first.getString("cursor")))
                .post("/api/v1/data/search/").then().statusCode(200).extract().jsonPath();
        assertEquals(15, second.getList("data").size());
        assertNull(second.getString("cursor"));

        // a changed byte, another query, another organization: 400
        String token = first.getString("cursor");
        String tampered = token.substring(0, 5) + (token.charAt(5) == 'A' ? 'B' : 'A') + token.substring(6);
        for (String bad : List.of(tampered, "garbage", token + "x", ".")) {
            many.request().body(withCursor(capped, bad))
                    .post("/api/v1/data/search/").then().statusCode(400).body("'field-errors'.cursor", equalTo("Invalid cursor."));
        }
        many.request().body("{\"query\": " + withType("lead", "{\"type\": \"text\", \"value\": \"x\"}")
                        + ", \"cursor\": \"" + token + "\"}")
                .post("/api/v1/data/search/").then().statusCode(400);
        org.request().body(withCursor(capped, token))
                .post("/api/v1/data/search/").then().statusCode(400);
        // results_limit 0 answers the counts alone
        many.request().body("{\"query\": " + withType("lead", "{\"type\": \"match_all\"}")
                        + ", \"results_limit\": 0, \"include_counts\": true}")
                .post("/api/v1/data/search/").then().statusCode(200)
                .body("data", empty()).body("cursor", nullValue()).body("count.total", equalTo(120))
                .body("count.limited", equalTo(0));
    }

    @Test
    void answersOnlyIdsByDefaultWithTheObjectType() {
        org.request().body("{\"query\": " + withType("lead", "{\"type\": \"id\", \"value\": \"" + acme + "\"}") + "}")
                .post("/api/v1/data/search/").then().statusCode(200)
                .body("data", contains(java.util.Map.of("__object_type", "lead", "id", acme)))
                .body("cursor", nullValue()).body("$", not(hasKey("count")));
        org.request().body("{\"query\": " + withType("lead", "{\"type\": \"id\", \"value\": \"" + acme + "\"}")
                        + ", \"_fields\": {\"lead\": [\"display_name\", \"contacts\"], \"contact\": [\"id\"]}}")
                .post("/api/v1/data/search/").then().statusCode(200)
                .body("data[0].display_name", equalTo("Acme Corp")).body("data[0].contacts[0].id", equalTo(bob))
                .body("data[0]", not(hasKey("id")));
    }

    @Test
    void badBodiesAreA400NeverA500() {
        List<String> bodies = List.of("[]", "{}", "{\"query\": null}", "{\"query\": 3}",
                "{\"query\": {\"type\": \"text\", \"value\": \"x\"}}",
                "{\"query\": {\"type\": \"and\", \"queries\": [{\"type\": \"object_type\", \"object_type\": \"lead\"},"
                        + " {\"type\": \"object_type\", \"object_type\": \"contact\"}]}}",
                "{\"query\": " + withType("lead", "{\"type\": \"nope\"}") + "}",
                "{\"query\": " + withType("lead", regular("lead", "color", "{\"type\": \"exists\"}")) + "}",
                "{\"query\": " + withType("lead", regular("contact", "name", "{\"type\": \"exists\"}")) + "}",
                "{\"query\": " + withType("lead", regular("lead", "name", "{\"type\": \"number_range\", \"gt\": 1}")) + "}",
                "{\"query\": " + withType("lead", regular("lead", "name", "{\"type\": \"boolean\", \"value\": \"yes\"}")) + "}",
                "{\"query\": " + withType("lead", regular("lead", "date_created", moments(
                        "{\"type\": \"fixed_local_date\", \"value\": \"10000-01-01\"}", "null"))) + "}",
                "{\"query\": " + withType("lead", regular("lead", "date_created", moments(
                        "{\"type\": \"start_end_of_predefined_relative_period\", \"range\": \"next decade\"}", "null"))) + "}",
                "{\"query\": " + withType("lead", regular("lead", "date_created", moments(
                        "{\"type\": \"offset\", \"direction\": \"past\", \"offset\": {\"years\": 99999}}", "null"))) + "}",
                "{\"query\": " + withType("lead", custom("cf_x-1", "{\"type\": \"exists\"}")) + "}",
                "{\"query\": " + withType("lead", custom("cf_x", "{\"type\": \"boolean\", \"value\": true}")) + "}",
                "{\"query\": " + withType("task", custom("cf_x", "{\"type\": \"exists\"}")) + "}",
                "{\"query\": " + withType("lead", related("contact", "lead", "{\"type\": \"match_all\"}")) + "}",
                "{\"query\": " + withType("opportunity", related("opportunity", "task", "{\"type\": \"match_all\"}")) + "}",
                "{\"query\": " + withType("lead", "{\"type\": \"text\", \"value\": \"a\\u0000b\"}") + "}",
                "{\"query\": " + withType("lead", "{\"type\": \"text\", \"value\": \"x\", \"negate\": \"yes\"}") + "}",
                "{\"query\": " + withType("lead", "{\"type\": \"match_all\"}") + ", \"_limit\": 101}",
                "{\"query\": " + withType("lead", "{\"type\": \"match_all\"}") + ", \"_limit\": -1}",
                "{\"query\": " + withType("lead", "{\"type\": \"match_all\"}") + ", \"results_limit\": \"x\"}",
                "{\"query\": " + withType("lead", "{\"type\": \"match_all\"}") + ", \"cursor\": 5}",
                "{\"query\": " + withType("lead", "{\"type\": \"match_all\"}") + ", \"_fields\": {\"lead\": [\"a,b\"]}}",
                "{\"query\": " + withType("lead", "{\"type\": \"match_all\"}") + ", \"sort\": [{\"field\": {\"type\":"
                        + " \"regular_field\", \"object_type\": \"lead\", \"field_name\": \"description\"}}]}",
                "{\"query\": " + withType("lead", "{\"type\": \"match_all\"}") + ", \"colour\": 1}",
                "{\"query\": " + "{\"type\": \"and\", \"queries\": [" + "{\"type\": \"and\", \"queries\": [".repeat(40)
                        + "]}".repeat(40) + "]}}");
        for (String body : bodies) {
            org.request().body(body).post("/api/v1/data/search/").then().statusCode(400)
                    .body("$", hasKey("field-errors"));
        }
        org.request().body("{\"query\": " + withType("activity.email", "{\"type\": \"match_all\"}") + "}")
                .post("/api/v1/data/search/").then().statusCode(400)
                .body("'field-errors'.'query.queries.0.object_type'", equalTo("Objects of type \"activity.email\" are"
                        + " not searchable yet; searchable: lead, contact, opportunity, task."));
        org.request().body("{\"query\": " + withType("lead", regular("lead", "name", "{\"type\": \"number_range\"}")) + "}")
                .post("/api/v1/data/search/").then().statusCode(400)
                .body("'field-errors'.'query.queries.1.condition'", notNullValue());
    }

    // --- helpers

    private JsonPath query(String clause) {
        return search("lead", clause, null).then().statusCode(200).extract().jsonPath();
    }

    private io.restassured.response.Response search(String type, String clause, String fields) {
        return org.request().body(body(type, clause, fields, "")).post("/api/v1/data/search/");
    }

    private static String body(String type, String clause, String fields, String extra) {
        return "{\"query\": " + withType(type, clause)
                + (fields == null ? "" : ", \"_fields\": {\"" + type + "\": " + fields + "}") + extra + "}";
    }

    private static String withType(String type, String clause) {
        return "{\"type\": \"and\", \"queries\": [{\"type\": \"object_type\", \"object_type\": \"" + type + "\"}, "
                + clause + "]}";
    }

    private static String regular(String type, String field, String condition) {
        return "{\"type\": \"field_condition\", \"field\": {\"type\": \"regular_field\", \"object_type\": \"" + type
                + "\", \"field_name\": \"" + field + "\"}, \"condition\": " + condition + "}";
    }

    private String custom(String placeholder, String condition) {
        return "{\"type\": \"field_condition\", \"field\": {\"type\": \"custom_field\", \"custom_field_id\": \""
                + (cf == null ? placeholder : cf.in(placeholder)) + "\"}, \"condition\": " + condition + "}";
    }

    private static String related(String from, String to, String clause) {
        return "{\"type\": \"has_related\", \"this_object_type\": \"" + from + "\", \"related_object_type\": \"" + to
                + "\", \"related_query\": " + clause + "}";
    }

    private static String negated(String clause) {
        return clause.substring(0, clause.length() - 1) + ", \"negate\": true}";
    }

    private static String withCursor(String body, String cursor) {
        return body.substring(0, body.length() - 1) + ", \"cursor\": \"" + cursor + "\"}";
    }

    private static String moments(String onOrAfter, String before) {
        return "{\"type\": \"moment_range\", \"on_or_after\": " + onOrAfter + ", \"before\": " + before + "}";
    }

    private static void assertLeads(JsonPath found, String... ids) {
        assertEquals(Set.of(ids), new HashSet<>(found.getList("data.id")), found.prettify());
        assertEquals(ids.length, found.getList("data.id").size());
    }

    private static String lead(TestOrganizations org, String body) {
        return org.request().body(body).post("/api/v1/lead/").then().statusCode(200).extract().path("id");
    }
}
