package io.leadline.core.opportunity;

import io.leadline.core.TestCustomFields;
import io.leadline.core.TestOrganizations;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code GET /opportunity/?query=…}: the text language over the opportunity's own fields (io.leadline.core.search). */
@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class OpportunityQueryTest {

    @Inject
    Pipelines pipelines;

    private record Fixture(TestOrganizations org, TestCustomFields fields, String lead, List<String> ids) {
    }

    /** Three opportunities: won in May with an "important" note, active monthly, lost with a custom source. */
    private Fixture fixture() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestCustomFields fields = TestCustomFields.of(org).define("opportunity", "Deal Source", "text", false);
        String lead = OpportunityResourceTest.createLead(org, "{\"name\": \"Acme important\"}").getString("id");
        String won = pipelines.statusId(org.organizationId(), "Won");
        String lost = pipelines.statusId(org.organizationId(), "Lost");
        List<String> ids = List.of(
                create(org, """
                        {"lead_id": "%s", "user_id": "user_ann", "status_id": "%s", "date_won": "2024-05-10",
                         "value": 100000, "confidence": 100, "note": "An IMPORTANT renewal"}""".formatted(lead, won)),
                create(org, """
                        {"lead_id": "%s", "user_id": "user_bob", "value": 5000, "value_period": "monthly",
                         "confidence": 50, "note": "small upsell"}""".formatted(lead)),
                create(org, fields.in("""
                        {"lead_id": "%s", "status_id": "%s", "value": 7000, "confidence": 10,
                         "custom.Deal Source": "Trade show"}""".formatted(lead, lost))));
        return new Fixture(org, fields, lead, ids);
    }

    @Test
    void matchesTheOpportunitysOwnFields() {
        Fixture f = fixture();
        List<String> ids = f.ids();

        assertIds(f, "note:important", ids.get(0));
        assertIds(f, "important", ids.get(0)); // free text is the note, not the lead's name
        assertIds(f, "\"small upsell\"", ids.get(1));
        assertIds(f, "status:won", ids.get(0));
        assertIds(f, "status_type:lost OR status_type:won", ids.get(0), ids.get(2));
        assertIds(f, "-status_type:active", ids.get(0), ids.get(2));
        assertIds(f, "value_period:monthly", ids.get(1));
        assertIds(f, "value >= 5000 confidence < 100", ids.get(1), ids.get(2));
        assertIds(f, "value:5000", ids.get(1));
        assertIds(f, "user_id:user_bob", ids.get(1));
        assertIds(f, "date_won >= 2024-05-01 date_won < 2024-06-01", ids.get(0));
        assertIds(f, "date_won:2024-05-10", ids.get(0));
        assertIds(f, "date_created > 2000-01-01 lead_id:" + f.lead(), ids.toArray(String[]::new));
        assertIds(f, "\"Deal Source\":trade", ids.get(2));
        assertIds(f, "custom." + f.fields().id("Deal Source") + ":show", ids.get(2));
        assertIds(f, "*", ids.toArray(String[]::new));

        // with the other list filters, and with lead_query: all must hold; the aggregates follow the matches
        assertIds(f, "query=status_type:won&value__gt=50000", ids.get(0));
        assertIds(f, "query=status_type:won&lead_query=name:zzz");
        f.org().request().queryParam("query", "-status:lost").get("/api/v1/opportunity/").then().statusCode(200)
                .body("total_results", equalTo(2)).body("total_value_one_time", equalTo(100000));
    }

    @Test
    void badQueriesAreA400NamingTheQuery() {
        TestOrganizations org = TestOrganizations.provisioned();
        for (String query : List.of("name:acme", "has:contacts", "sort:name", "slice:1/2", "value > many",
                "date_won > someday", "(note:x", "email:a@b.c")) {
            org.request().queryParam("query", query).get("/api/v1/opportunity/").then().statusCode(400)
                    .body("'field-errors'", hasKey("query"));
        }
        org.request().queryParam("query", "name:acme").get("/api/v1/opportunity/").then()
                .body("'field-errors'.query", containsString("position 1"));
    }

    /** Another organization's opportunities never match, whatever the query says. */
    @Test
    void neverReturnsAnotherOrganizationsOpportunities() {
        Fixture other = fixture();
        TestOrganizations org = TestOrganizations.provisioned();
        String lead = OpportunityResourceTest.createLead(org, "{\"name\": \"Own\"}").getString("id");
        String own = create(org, "{\"lead_id\": \"" + lead + "\", \"note\": \"own\"}");

        for (String query : List.of("*", "important", "note:important", "-note:own", "status:won",
                "lead_id:" + other.lead(), "id:" + other.ids().get(0), "value > 0 OR -value > 0", "user_id:user_ann")) {
            org.request().queryParam("query", query).get("/api/v1/opportunity/").then().statusCode(200)
                    .body("data.id", not(hasItem(other.ids().get(0))))
                    .body("data.id", not(hasItem(other.ids().get(1))));
        }
        org.request().queryParam("query", "*").get("/api/v1/opportunity/").then()
                .body("data.id", hasSize(1)).body("data[0].id", equalTo(own));
    }

    private static void assertIds(Fixture f, String query, String... expected) {
        String url = query.startsWith("query=") ? "/api/v1/opportunity/?" + query : "/api/v1/opportunity/";
        var request = f.org().request().queryParam("_order_by", "date_created");
        if (!query.startsWith("query=")) {
            request = request.queryParam("query", query);
        }
        JsonPath page = request.get(url).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(expected), page.getList("data.id"), query);
        assertEquals(expected.length, page.getInt("total_results"), query);
    }

    private static String create(TestOrganizations org, String body) {
        return org.request().body(body).post("/api/v1/opportunity/").then().statusCode(200).extract().path("id");
    }
}
