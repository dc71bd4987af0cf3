package io.leadline.gateway;

import io.leadline.gateway.support.GatewayTestProfile;
import io.leadline.gateway.support.Tenants;
import io.leadline.gateway.support.Tenants.Tenant;
import io.leadline.platform.testing.KafkaTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * The packaged gateway (fast-jar, or native with -Dnative): an operator creates an organization, its API key
 * authenticates the Close way, and a call without a key is refused.
 */
@QuarkusIntegrationTest
@TestProfile(GatewayIT.PackagedGatewayProfile.class)
class GatewayIT {

    /** The packaged jar runs its production profile, whose outbox relay publishes to a real broker. */
    public static class PackagedGatewayProfile extends GatewayTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            List<TestResourceEntry> resources = new ArrayList<>(super.testResources());
            resources.add(new TestResourceEntry(KafkaTestResource.class));
            return resources;
        }
    }

    @Test
    void anOperatorsNewOrganizationCallsTheApiWithItsKey() {
        Tenant tenant = Tenants.create("Packaged Ltd");

        tenant.api().get("/api/v1/me/").then().statusCode(200)
                .body("email", equalTo(tenant.email()))
                .body("organizations[0].id", equalTo(tenant.organizationId()));
    }

    @Test
    void refusesACallWithoutAKey() {
        given().get("/api/v1/me/").then().statusCode(401);
        given().get("/api/v1/lead/").then().statusCode(401);
    }
}
