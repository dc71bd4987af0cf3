package io.leadline.systemtests;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/**
 * A Close client's first lead search, through the gateway: {@code ?query=} (also sent as a POST with
 * {@code x-http-method-override: GET} and {@code _params}, as clients do for long queries), {@code total_results}, and a syntax error;
 * {@code POST /data/search/} paged by cursor past Close's 10,000-object cap, and a smart view used by the
 * opportunity list.
 */
class LeadSearchIT {

    @Test
    void searchesLeadsThroughTheGatewayWithinTheTenant() {
        Tenant tenant = Tenant.create("Search Co");
        Tenant other = Tenant.create("Search Rival");
        other.api().body(Map.of("name", "Acme Rival")).post("/lead/").then().statusCode(200);
        tenant.api().body(Map.of("name", "Acme Corp", "contacts",
                List.of(Map.of("name", "Ann", "emails", List.of(Map.of("email", "ann@acme.example"))))))
                .post("/lead/").then().statusCode(200);
        tenant.api().body(Map.of("name", "Globex")).post("/lead/").then().statusCode(200);

        tenant.api().queryParam("query", "acme.example OR name:\"Globex\" sort:name").get("/lead/").then()
                .statusCode(200)
                .body("data.name", contains("Acme Corp", "Globex"))
                .body("total_results", equalTo(2));
        tenant.api().header("X-TZ-Offset", "-5").queryParam("query", "date_created >= yesterday acme")
                .queryParam("_limit", 0).get("/lead/").then().statusCode(200)
                .body("data", empty())
                .body("total_results", equalTo(1));
        tenant.api().header("x-http-method-override", "GET").body(Map.of("_params", Map.of("query", "has:contacts", "_fields", "name")))
                .post("/lead/").then().statusCode(200)
                .body("data.name", contains("Acme Corp"));
        tenant.api().queryParam("query", "name:acme OR )").get("/lead/").then().statusCode(400)
                .body("'field-errors'.query", equalTo("Unexpected \")\" at position 14."));
    }

    /**
     * An activity sub-query: a call logged in activities-service reaches crm-core's search through
     * {@code activities.events}, within the tenant.
     */
    @Test
    void findsLeadsByTheirCallsThroughTheGateway() {
        Tenant tenant = Tenant.create("Calling Co");
        Tenant other = Tenant.create("Calling Rival");
        String called = tenant.api().body(Map.of("name", "Long Call")).post("/lead/").then().statusCode(200)
                .extract().path("id");
        String brief = tenant.api().body(Map.of("name", "Brief Call")).post("/lead/").then().statusCode(200)
                .extract().path("id");
        String rival = other.api().body(Map.of("name", "Rival Call")).post("/lead/").then().statusCode(200)
                .extract().path("id");
        tenant.api().body(Map.of("lead_id", called, "direction", "outbound", "phone", "+14155550123", "duration", 300))
                .post("/activity/call/").then().statusCode(200);
        tenant.api().body(Map.of("lead_id", brief, "direction", "outbound", "phone", "+14155550124", "duration", 20))
                .post("/activity/call/").then().statusCode(200);
        other.api().body(Map.of("lead_id", rival, "direction", "outbound", "phone", "+14155550125", "duration", 300))
                .post("/activity/call/").then().statusCode(200);

        String query = "call(direction:outgoing duration > 1m date:today)";
        List<String> names = Eventually.await(() -> tenant.api().header("X-TZ-Offset", "0").queryParam("query", query)
                        .get("/lead/").then().statusCode(200).extract().jsonPath().<String>getList("data.name"),
                list -> !list.isEmpty(), Duration.ofSeconds(60));
        assertThat(names).containsExactly("Long Call");
        List<String> once = Eventually.await(() -> tenant.api().queryParam("query", "calls:1 sort:name").get("/lead/")
                        .then().statusCode(200).extract().jsonPath().<String>getList("data.name"),
                list -> list.size() == 2, Duration.ofSeconds(60));
        assertThat(once).containsExactly("Brief Call", "Long Call");
        tenant.api().queryParam("query", "call(direction:sideways)").get("/lead/").then().statusCode(400)
                .body("'field-errors'.query", equalTo("direction: takes outgoing (outbound, sent) or incoming"
                        + " (inbound, received), not \"sideways\" (position 6)."));
    }

    /** More than Close's cursor cap (10,000 objects per paginated sequence). */
    private static final int BULK_LEADS = 10_050;

    /**
     * {@code /data/search/} over 10,050 matches, page by page with its cursor: every lead once, in order, through the
     * gateway. The leads are seeded by COPY straight into crm-core's database (API calls would take the per-key
     * rate limit ~30 minutes); their stored documents are minimal (id, name, dates), which is all this search reads.
     */
    @Test
    void pagesAStructuredSearchBeyondTenThousandMatchesByCursor() throws Exception {
        Tenant tenant = Tenant.create("Bulk Search Co");
        String statusId = tenant.api().get("/status/lead/").then().statusCode(200).extract().path("data[0].id");
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < BULK_LEADS; i++) {
            String id = "lead_bulk" + String.format("%05d", i) + tenant.organizationId().substring(5, 20);
            String at = start.plus(i, ChronoUnit.MINUTES).toString();
            String doc = "{\"\"id\"\": \"\"" + id + "\"\", \"\"name\"\": \"\"Bulk " + i + "\"\"}";
            csv.append(id).append(',').append(tenant.organizationId()).append(",Bulk ").append(i).append(',')
                    .append(statusId).append(',').append(at).append(',').append(at).append(",\"").append(doc).append("\"\n");
        }
        try (Connection db = DriverManager.getConnection(Stack.get().jdbcUrl("leadline_core"), Stack.get().dbUsername(),
                Stack.get().dbPassword())) {
            db.unwrap(PGConnection.class).getCopyAPI().copyIn("copy lead (id, organization_id, name, status_id,"
                    + " date_created, date_updated, doc) from stdin (format csv)", new StringReader(csv.toString()));
        }

        String query = "{\"type\": \"and\", \"queries\": [{\"type\": \"object_type\", \"object_type\": \"lead\"},"
                + " {\"type\": \"field_condition\", \"field\": {\"type\": \"regular_field\", \"object_type\": \"lead\","
                + " \"field_name\": \"name\"}, \"condition\": {\"type\": \"text\", \"value\": \"bulk\"}}]}";
        String sort = "[{\"direction\": \"asc\", \"field\": {\"type\": \"regular_field\", \"object_type\": \"lead\","
                + " \"field_name\": \"date_created\"}}]";
        List<String> names = new ArrayList<>();
        String cursor = null;
        do {
            String body = "{\"query\": " + query + ", \"sort\": " + sort + ", \"_limit\": 100,"
                    + " \"_fields\": {\"lead\": [\"id\", \"name\"]}, \"include_counts\": " + (cursor == null)
                    + (cursor == null ? "" : ", \"cursor\": \"" + cursor + "\"") + "}";
            JsonPath page = unthrottled(() -> tenant.api().body(body).post("/data/search/")).then().statusCode(200)
                    .extract().jsonPath();
            if (cursor == null) {
                // exact below 1,000 expected matches, PostgreSQL's estimate above (crm-core README "Totals of a
                // search"); the COPY leaves the estimate to whatever statistics the table has, so only its size holds
                assertThat(page.getInt("count.total")).isGreaterThanOrEqualTo(1_000);
            }
            names.addAll(page.getList("data.name"));
            cursor = page.getString("cursor");
        } while (cursor != null);
        assertThat(names).hasSize(BULK_LEADS);
        assertThat(new HashSet<>(names)).hasSize(BULK_LEADS);
        assertThat(names.get(0)).isEqualTo("Bulk 0");
        assertThat(names.get(BULK_LEADS - 1)).isEqualTo("Bulk " + (BULK_LEADS - 1));

        // a changed cursor, an activity type: Close-shaped 400s through the gateway
        tenant.api().body("{\"query\": " + query + ", \"cursor\": \"eyJrIjpbXX0.AAAA\"}").post("/data/search/").then()
                .statusCode(400).body("'field-errors'.cursor", equalTo("Invalid cursor."));
        tenant.api().body("{\"query\": {\"type\": \"object_type\", \"object_type\": \"activity.call\"}}")
                .post("/data/search/").then().statusCode(400);
    }

    /** A lead smart view narrows the opportunity list (and its totals) to the opportunities of matching leads. */
    @Test
    void aSmartViewNarrowsTheOpportunityList() {
        Tenant tenant = Tenant.create("Smart View Co");
        String ceoLead = tenant.api().body(Map.of("name", "Has CEO", "contacts", List.of(Map.of("name", "Cy", "title", "CEO"))))
                .post("/lead/").then().statusCode(200).extract().path("id");
        String otherLead = tenant.api().body(Map.of("name", "No CEO")).post("/lead/").then().statusCode(200)
                .extract().path("id");
        tenant.api().body(Map.of("lead_id", ceoLead, "value", 1000)).post("/opportunity/").then().statusCode(200);
        tenant.api().body(Map.of("lead_id", otherLead, "value", 50)).post("/opportunity/").then().statusCode(200);
        String view = tenant.api().body("""
                {"name": "Leads with a CEO", "is_shared": true, "s_query": {"type": "and", "queries": [
                  {"type": "object_type", "object_type": "lead"},
                  {"type": "has_related", "this_object_type": "lead", "related_object_type": "contact",
                   "related_query": {"type": "field_condition", "field": {"type": "regular_field",
                     "object_type": "contact", "field_name": "title"}, "condition": {"type": "term", "values": ["CEO"]}}}]}}""")
                .post("/saved_search/").then().statusCode(200).extract().path("id");

        tenant.api().get("/saved_search/").then().statusCode(200).body("data.id", contains(view));
        tenant.api().queryParam("lead_saved_search_id", view).get("/opportunity/").then().statusCode(200)
                .body("data.lead_id", contains(ceoLead)).body("total_results", equalTo(1))
                .body("total_value_one_time", equalTo(1000));
        Tenant.create("Smart View Rival").api().get("/saved_search/" + view + "/").then().statusCode(404);
    }

    /** The request, sent again while the per-key rate limit answers 429 (as Close's clients do). */
    private static Response unthrottled(Supplier<Response> request) {
        return Eventually.await(request, response -> response.statusCode() != 429, Duration.ofSeconds(30));
    }
}
