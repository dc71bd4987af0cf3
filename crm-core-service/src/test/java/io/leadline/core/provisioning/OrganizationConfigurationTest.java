package io.leadline.core.provisioning;

import io.leadline.core.TestOrganizations;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class OrganizationConfigurationTest {

    @Test
    void answersTheCallersCurrentStatusesAndPipelines() {
        TestOrganizations org = TestOrganizations.provisioned();
        org.request().body("{\"label\": \"Nurturing\"}").post("/api/v1/status/lead/").then().statusCode(200);
        org.request().body("{\"name\": \"Renewals\"}").post("/api/v1/pipeline/").then().statusCode(201);
        TestOrganizations.provisioned().request().body("{\"label\": \"Foreign\"}").post("/api/v1/status/lead/")
                .then().statusCode(200);

        org.request().get("/internal/v1/organization-configuration").then().statusCode(200)
                .body("lead_statuses.label", contains("Potential", "Bad Fit", "Qualified", "Customer", "Nurturing"))
                .body("pipelines.name", contains("Sales", "Renewals"))
                .body("pipelines[0].organization_id", equalTo(org.organizationId()))
                .body("pipelines[0].statuses.label", contains("Active", "Won", "Lost"))
                .body("pipelines[1].statuses", empty());
    }

    @Test
    void answersEmptyListsForAnUnprovisionedOrganizationAndRefusesWithoutAToken() {
        TestOrganizations.unprovisioned().request().get("/internal/v1/organization-configuration").then()
                .statusCode(200).body("lead_statuses", empty()).body("pipelines", empty());
        given().get("/internal/v1/organization-configuration").then().statusCode(401);
    }
}
