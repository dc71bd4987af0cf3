package io.leadline.core.leadstatus;

import io.leadline.core.Database;
import io.leadline.core.TestOrganizations;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class LeadStatusResourceTest {

    @Inject
    Database database;

    @Test
    void aNewStatusGoesLastAndTheFirstStaysTheDefault() {
        TestOrganizations org = TestOrganizations.provisioned();

        org.request().body("{\"label\": \" Nurturing \"}").post("/api/v1/status/lead/").then().statusCode(200)
                .body("$", aMapWithSize(2))
                .body("id", matchesPattern("stat_[0-9A-Za-z]{43}"))
                .body("label", equalTo("Nurturing"));

        org.request().get("/api/v1/status/lead/").then().statusCode(200)
                .body("data.label", contains("Potential", "Bad Fit", "Qualified", "Customer", "Nurturing"))
                .body("has_more", equalTo(false));
        org.request().queryParam("_fields", "label").get("/api/v1/status/lead").then().statusCode(200)
                .body("data[0]", aMapWithSize(1));
        org.request().body("{\"name\": \"New\"}").post("/api/v1/lead/").then().statusCode(200)
                .body("status_label", equalTo("Potential"));
    }

    @Test
    void aStatusReadsOneByOneInItsOrganizationOnly() {
        TestOrganizations org = TestOrganizations.provisioned();
        String qualified = statusId(org, "Qualified");

        org.request().get("/api/v1/status/lead/" + qualified + "/").then().statusCode(200)
                .body("$", aMapWithSize(2))
                .body("id", equalTo(qualified))
                .body("label", equalTo("Qualified"));
        TestOrganizations.provisioned().request().get("/api/v1/status/lead/" + qualified + "/").then().statusCode(404);
        org.request().get("/api/v1/status/lead/stat_unknown/").then().statusCode(404);
    }

    @Test
    void aRenameShowsOnTheLeadsThatHaveTheStatus() {
        TestOrganizations org = TestOrganizations.provisioned();
        String qualified = statusId(org, "Qualified");
        String leadId = org.request().body("{\"name\": \"Acme\", \"status_id\": \"" + qualified + "\"}")
                .post("/api/v1/lead/").then().statusCode(200).extract().path("id");

        org.request().body("{\"label\": \"Sales Qualified\"}").put("/api/v1/status/lead/" + qualified + "/")
                .then().statusCode(200).body("id", equalTo(qualified)).body("label", equalTo("Sales Qualified"));

        org.request().get("/api/v1/lead/" + leadId + "/").then().statusCode(200)
                .body("status_id", equalTo(qualified)).body("status_label", equalTo("Sales Qualified"));
        org.request().get("/api/v1/lead/").then().statusCode(200)
                .body("data[0].status_label", equalTo("Sales Qualified"));
        org.request().body("{\"name\": \"By new label\", \"status\": \"Sales Qualified\"}").post("/api/v1/lead/")
                .then().statusCode(200).body("status_id", equalTo(qualified));
    }

    @Test
    void refusesToDeleteAStatusThatLeadsUseAndDeletesAnUnusedOne() {
        TestOrganizations org = TestOrganizations.provisioned();
        String customer = statusId(org, "Customer");
        String leadId = org.request().body("{\"name\": \"Acme\", \"status\": \"Customer\"}").post("/api/v1/lead/")
                .then().statusCode(200).extract().path("id");
        long outboxBefore = database.count("outbox_event", org.organizationId());

        org.request().delete("/api/v1/status/lead/" + customer + "/").then().statusCode(400)
                .body("errors[0]", matchesPattern(".*used by 1 lead.*"));
        assertEquals(4, database.count("lead_status", org.organizationId()));
        assertEquals(outboxBefore, database.count("outbox_event", org.organizationId()));

        org.request().delete("/api/v1/lead/" + leadId + "/").then().statusCode(200);
        org.request().delete("/api/v1/status/lead/" + customer + "/").then().statusCode(200).body("$", aMapWithSize(0));
        org.request().get("/api/v1/status/lead/").then().statusCode(200)
                .body("data.label", contains("Potential", "Bad Fit", "Qualified"));
    }

    @Test
    void keepsTheLastStatus() {
        TestOrganizations org = TestOrganizations.provisioned();
        for (String label : new String[] {"Bad Fit", "Qualified", "Customer"}) {
            org.request().delete("/api/v1/status/lead/" + statusId(org, label) + "/").then().statusCode(200);
        }
        org.request().delete("/api/v1/status/lead/" + statusId(org, "Potential") + "/").then().statusCode(400);
        assertEquals(1, database.count("lead_status", org.organizationId()));
    }

    @Test
    void refusesBadLabelsAndWritesNothing() {
        TestOrganizations org = TestOrganizations.provisioned();
        String potential = statusId(org, "Potential");

        org.request().body("{}").post("/api/v1/status/lead/").then().statusCode(400)
                .body("'field-errors'", hasKey("label"));
        org.request().body("{\"label\": 42}").post("/api/v1/status/lead/").then().statusCode(400)
                .body("'field-errors'", hasKey("label"));
        org.request().body("{\"label\": \"  \"}").post("/api/v1/status/lead/").then().statusCode(400)
                .body("'field-errors'", hasKey("label"));
        org.request().body("{\"label\": \"qualified\"}").post("/api/v1/status/lead/").then().statusCode(400)
                .body("'field-errors'", hasKey("label"));
        org.request().body("{\"label\": null}").put("/api/v1/status/lead/" + potential + "/").then().statusCode(400)
                .body("'field-errors'", hasKey("label"));
        org.request().body("{\"label\": \"Customer\"}").put("/api/v1/status/lead/" + potential + "/")
                .then().statusCode(400).body("'field-errors'", hasKey("label"));
        org.request().body("[\"x\"]").post("/api/v1/status/lead/").then().statusCode(400);

        assertEquals(4, database.count("lead_status", org.organizationId()));
        assertEquals(0, database.count("outbox_event", org.organizationId()));
        org.request().get("/api/v1/status/lead/").then()
                .body("data.label", contains("Potential", "Bad Fit", "Qualified", "Customer"));
    }

    @Test
    void anotherOrganizationsStatusIsNotFound() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestOrganizations other = TestOrganizations.provisioned();
        String foreign = statusId(other, "Potential");

        org.request().body("{\"label\": \"Mine now\"}").put("/api/v1/status/lead/" + foreign + "/")
                .then().statusCode(404).body("error", equalTo("Empty query: object matching query does not exist."));
        org.request().delete("/api/v1/status/lead/" + foreign + "/").then().statusCode(404);
        org.request().body("{\"label\": \"x\"}").put("/api/v1/status/lead/stat_nope/").then().statusCode(404);

        other.request().get("/api/v1/status/lead/").then()
                .body("data.label", contains("Potential", "Bad Fit", "Qualified", "Customer"));
    }

    static String statusId(TestOrganizations org, String label) {
        return org.request().get("/api/v1/status/lead/").then().statusCode(200).extract().jsonPath()
                .getString("data.find { it.label == '" + label + "' }.id");
    }
}
