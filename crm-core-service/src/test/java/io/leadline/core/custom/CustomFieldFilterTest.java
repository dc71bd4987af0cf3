package io.leadline.core.custom;

import io.leadline.core.TestCustomFields;
import io.leadline.core.TestOrganizations;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

/** Lists of leads, contacts and opportunities filtered by custom values, always within the organization. */
@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class CustomFieldFilterTest {

    @Test
    void leadsFilterByEqualityListsAndRanges() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestCustomFields cf = TestCustomFields.of(org)
                .text("lead", "cf_tier")
                .define("lead", "cf_seats", "number", false)
                .define("lead", "cf_renewal", "date", false)
                .define("lead", "cf_met", "datetime", false)
                .define("lead", "cf_tags", "{\"name\": \"Tags\", \"type\": \"choices\", \"accepts_multiple_values\": true,"
                        + " \"choices\": [\"red\", \"blue\", \"12\"]}");
        lead(org, cf, "{\"name\": \"A\", \"custom.cf_tier\": \"gold\", \"custom.cf_seats\": 10, \"custom.cf_renewal\": \"2024-01-15\","
                + " \"custom.cf_met\": \"2024-05-01T10:00:00-08:00\", \"custom.cf_tags\": [\"red\", \"blue\"]}");
        lead(org, cf, "{\"name\": \"B\", \"custom.cf_tier\": \"silver\", \"custom.cf_seats\": 250.5, \"custom.cf_renewal\": \"2025-03-01\","
                + " \"custom.cf_met\": \"2024-05-01T17:00:00Z\", \"custom.cf_tags\": [\"12\"]}");
        lead(org, cf, "{\"name\": \"C\", \"custom.cf_tier\": \"12\"}");
        lead(org, cf, "{\"name\": \"D\"}");
        // Another organization's lead with the same values (and its own fields) is never listed.
        TestOrganizations other = TestOrganizations.provisioned();
        TestCustomFields theirs = TestCustomFields.of(other).text("lead", "cf_tier");
        lead(other, theirs, "{\"name\": \"Theirs\", \"custom.cf_tier\": \"gold\"}");

        names(org, cf.in("custom.cf_tier"), "gold", "A");
        names(org, cf.in("custom.cf_tier__in"), "gold,silver", "A", "B");
        names(org, cf.in("custom.cf_tier"), "12", "C");
        names(org, cf.in("custom.cf_seats"), "10", "A");
        names(org, cf.in("custom.cf_seats"), "250.50", "B");
        names(org, cf.in("custom.cf_seats__gt"), "10", "B");
        names(org, cf.in("custom.cf_seats__gte"), "10", "A", "B");
        names(org, cf.in("custom.cf_seats__lt"), "100", "A");
        names(org, cf.in("custom.cf_renewal__gte"), "2025-01-01", "B");
        names(org, cf.in("custom.cf_renewal__lte"), "2025-03-01", "A", "B");
        // 10:00-08:00 is 18:00 UTC, after 17:00 UTC.
        names(org, cf.in("custom.cf_met__gt"), "2024-05-01T17:30:00+00:00", "A");
        names(org, cf.in("custom.cf_tags"), "blue", "A");
        names(org, cf.in("custom.cf_tags__in"), "red,12", "A", "B");
        names(org, cf.in("custom.cf_tier"), "bronze");
        names(org, cf.in("custom.cf_seats__gt"), "1e3");
        org.request().queryParam(cf.in("custom.cf_tier"), "gold").queryParam("query", "name:A")
                .get("/api/v1/lead/").then().statusCode(200).body("total_results", equalTo(1));
        other.request().queryParam(cf.in("custom.cf_tier"), "gold").get("/api/v1/lead/").then().statusCode(200)
                .body("data", empty());
    }

    @Test
    void badCustomFiltersAre400NamingTheParameter() {
        TestOrganizations org = TestOrganizations.provisioned();
        for (String parameter : new String[] {"custom.Tier", "custom.cf_x__contains", "custom.cf_x.add"}) {
            org.request().queryParam(parameter, "1").get("/api/v1/lead/").then().statusCode(400)
                    .body("'field-errors'", hasKey(parameter));
        }
        org.request().queryParam("custom.cf_x__gt", "soon").get("/api/v1/contact/").then().statusCode(400)
                .body("'field-errors'", hasKey("custom.cf_x__gt"));
        org.request().queryParam("custom.cf_x__lt", "2024-13-01").get("/api/v1/opportunity/").then().statusCode(400)
                .body("'field-errors'", hasKey("custom.cf_x__lt"));
    }

    @Test
    void contactsAndOpportunitiesFilterByTheirValues() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestCustomFields cf = TestCustomFields.of(org)
                .text("contact", "cf_role")
                .define("opportunity", "cf_score", "number", false);
        String leadId = org.request().body(cf.in("{\"name\": \"Acme\", \"contacts\": [{\"name\": \"Ann\", \"custom.cf_role\": \"buyer\"},"
                        + " {\"name\": \"Bob\", \"custom.cf_role\": \"user\"}]}"))
                .post("/api/v1/lead/").then().statusCode(200).extract().path("id");
        for (int score : new int[] {5, 50, 500}) {
            org.request().body(cf.in("{\"lead_id\": \"" + leadId + "\", \"note\": \"s" + score + "\", \"custom.cf_score\": "
                    + score + "}")).post("/api/v1/opportunity/").then().statusCode(200);
        }

        org.request().queryParam(cf.in("custom.cf_role"), "buyer").get("/api/v1/contact/").then().statusCode(200)
                .body("data.name", containsInAnyOrder("Ann"));
        org.request().queryParam(cf.in("custom.cf_score__gte"), "50").get("/api/v1/opportunity/").then().statusCode(200)
                .body("data.note", containsInAnyOrder("s50", "s500"))
                .body("total_results", equalTo(2));
    }

    private static void lead(TestOrganizations org, TestCustomFields cf, String body) {
        org.request().body(cf.in(body)).post("/api/v1/lead/").then().statusCode(200);
    }

    private static void names(TestOrganizations org, String parameter, String value, String... expected) {
        org.request().queryParam(parameter, value).get("/api/v1/lead/").then().statusCode(200)
                .body("data.name", containsInAnyOrder(expected));
    }
}
