package io.leadline.core.provisioning;

import io.leadline.core.TestOrganizations;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class ProvisioningTest {

    @Test
    void givesANewOrganizationClosesDefaultStatusesAndASalesPipeline() {
        TestOrganizations org = TestOrganizations.unprovisioned();

        org.request().post("/internal/v1/provision").then().statusCode(200)
                .body("lead_statuses.label", contains("Potential", "Bad Fit", "Qualified", "Customer"))
                .body("lead_statuses[0].id", startsWith("stat_"))
                .body("pipelines", hasSize(1))
                .body("pipelines[0].id", startsWith("pipe_"))
                .body("pipelines[0].name", equalTo("Sales"))
                .body("pipelines[0].organization_id", equalTo(org.organizationId()))
                .body("pipelines[0].statuses.label", contains("Active", "Won", "Lost"))
                .body("pipelines[0].statuses.type", contains("active", "won", "lost"))
                .body("pipelines[0].statuses[0].id", startsWith("stat_"));
    }

    @Test
    void provisioningTwiceChangesNothing() {
        TestOrganizations org = TestOrganizations.unprovisioned();
        JsonPath first = org.request().post("/internal/v1/provision").then().statusCode(200).extract().jsonPath();
        JsonPath second = org.request().post("/internal/v1/provision").then().statusCode(200).extract().jsonPath();

        assertEquals(first.getList("lead_statuses.id"), second.getList("lead_statuses.id"));
        assertEquals(first.getList("pipelines.id"), second.getList("pipelines.id"));
        assertEquals(first.getList("pipelines[0].statuses.id"), second.getList("pipelines[0].statuses.id"));
        assertEquals(4, second.getList("lead_statuses").size());
    }

    @Test
    void listsTheLeadStatusesOfTheCallersOrganizationOnly() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestOrganizations other = TestOrganizations.provisioned();

        List<String> ours = org.request().get("/api/v1/status/lead/").then().statusCode(200)
                .body("has_more", equalTo(false))
                .body("data.label", contains("Potential", "Bad Fit", "Qualified", "Customer"))
                .extract().jsonPath().getList("data.id");
        List<String> theirs = other.request().get("/api/v1/status/lead").then().statusCode(200)
                .extract().jsonPath().getList("data.id");

        assertEquals(4, theirs.size());
        assertEquals(0, ours.stream().filter(theirs::contains).count());
    }
}
