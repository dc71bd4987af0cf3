package io.leadline.gateway.hardening;

import io.leadline.gateway.support.GatewayTestProfile;
import io.leadline.platform.testing.Management;
import io.leadline.gateway.support.Tenants;
import io.leadline.gateway.support.Tenants.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Health and metrics answer on the management port only, and the metrics name object types, never object ids. */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class ManagementInterfaceTest {

    @Test
    void healthAndMetricsAreOnTheManagementPortOnly() {
        for (String path : new String[] {"/q/health", "/q/health/ready", "/q/health/live", "/q/metrics"}) {
            given().get(path).then().statusCode(404);
        }
        Management.request().get("/q/health/ready").then().statusCode(200).body(containsString("UP"));
        Management.request().get("/q/health/live").then().statusCode(200).body(containsString("UP"));
        Management.request().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
    }

    @Test
    void noHttpSeriesNamesAnObjectId() {
        Tenant tenant = Tenants.create("Metrics Org");
        tenant.api().get("/api/v1/lead/lead_xyzrawid1/").then().statusCode(200);
        tenant.api().get("/api/v1/organization/orga_xyzrawid2/").then().statusCode(404);
        tenant.api().get("/api/v1/nosuchtype_xyzrawid3/x/").then().statusCode(404);
        given().get("/api/v1/lead/lead_xyzrawid4/").then().statusCode(401);
        given().post("/admin/v1/organizations/orga_xyzrawid5/provision").then().statusCode(401);
        given().header("Authorization", "Bearer " + GatewayTestProfile.OPERATOR_TOKEN)
                .post("/admin/v1/organizations/orga_xyzrawid6/provision").then().statusCode(404);
        given().get("/nowhere/xyzrawid7/").then().statusCode(404);

        String metrics = Management.metrics();
        assertFalse(metrics.contains("xyzrawid"), () -> metrics.lines().filter(line -> line.contains("xyzrawid"))
                .toList().toString());
    }
}
