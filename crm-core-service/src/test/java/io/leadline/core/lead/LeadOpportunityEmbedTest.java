package io.leadline.core.lead;

import io.leadline.core.TestOrganizations;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/** A lead shows its opportunities as full objects, as Close does. */
@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class LeadOpportunityEmbedTest {

    @Test
    void aLeadEmbedsItsOpportunitiesInTheirWireForm() {
        TestOrganizations org = TestOrganizations.provisioned();
        String leadId = lead(org, "Acme");
        String first = opportunity(org, leadId, "\"value\": 100000, \"note\": \"first\"");
        String second = opportunity(org, leadId, "\"value\": 2500, \"value_period\": \"monthly\"");

        org.request().get("/api/v1/lead/" + leadId + "/").then().statusCode(200)
                .body("opportunities.id", contains(first, second))
                .body("opportunities[0].note", equalTo("first"))
                .body("opportunities[0].value_formatted", equalTo("$1,000"))
                .body("opportunities[0].lead_name", equalTo("Acme"))
                .body("opportunities[0].status_label", equalTo("Active"))
                .body("opportunities[1].annualized_value", equalTo(30000));

        org.request().delete("/api/v1/opportunity/" + first + "/").then().statusCode(200);
        org.request().get("/api/v1/lead/" + leadId + "/").then().body("opportunities.id", contains(second));
    }

    @Test
    void aPageOfLeadsEmbedsEachLeadsOwnOpportunitiesOnlyWhenAsked() {
        TestOrganizations org = TestOrganizations.provisioned();
        String older = lead(org, "Older");
        String newer = lead(org, "Newer");
        String olderOpportunity = opportunity(org, older, "\"note\": \"old\"");

        org.request().get("/api/v1/lead/").then().statusCode(200)
                .body("data.id", contains(newer, older))
                .body("data[0].opportunities", empty())
                .body("data[1].opportunities.id", contains(olderOpportunity));
        org.request().queryParam("_fields", "id,opportunities").get("/api/v1/lead/").then().statusCode(200)
                .body("data[1]", aMapWithSize(2))
                .body("data[1].opportunities.id", contains(olderOpportunity));
        org.request().queryParam("_fields", "id").get("/api/v1/lead/").then().statusCode(200)
                .body("data[1]", not(hasKey("opportunities")));
        org.request().queryParam("_fields", "opportunities").get("/api/v1/lead/" + older + "/").then()
                .statusCode(200).body("$", aMapWithSize(1)).body("opportunities.id", contains(olderOpportunity));
    }

    @Test
    void anotherOrganizationsOpportunitiesNeverShow() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestOrganizations other = TestOrganizations.provisioned();
        String leadId = lead(org, "Acme");
        opportunity(org, leadId, "\"note\": \"mine\"");

        other.request().get("/api/v1/lead/" + leadId + "/").then().statusCode(404);
        String theirs = lead(other, "Theirs");
        other.request().get("/api/v1/lead/" + theirs + "/").then().body("opportunities", empty());
    }

    static String lead(TestOrganizations org, String name) {
        return org.request().body("{\"name\": \"" + name + "\"}").post("/api/v1/lead/").then().statusCode(200)
                .extract().path("id");
    }

    static String opportunity(TestOrganizations org, String leadId, String extraJson) {
        return org.request().body("{\"lead_id\": \"" + leadId + "\", " + extraJson + "}")
                .post("/api/v1/opportunity/").then().statusCode(200).extract().path("id");
    }
}
