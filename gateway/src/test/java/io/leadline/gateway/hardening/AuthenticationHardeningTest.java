package io.leadline.gateway.hardening;

import io.leadline.gateway.support.GatewayTestProfile;
import io.leadline.platform.testing.Management;
import io.leadline.gateway.support.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bad credentials cost the gateway little: a repeated bad key is answered from memory, the operator's first. */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class AuthenticationHardeningTest {

    private static final String LOOKUPS = "leadline_gateway_api_key_lookups_total";

    @Test
    void aRepeatedUnknownKeyCostsOneDatabaseLookup() {
        String unknown = "api_unknownunknownunknown0.0000000000000000000000";
        double before = Management.counter(LOOKUPS);
        for (int i = 0; i < 5; i++) {
            given().header("Authorization", Tenants.basic(unknown)).get("/api/v1/lead/").then().statusCode(401);
        }
        assertEquals(before + 1, Management.counter(LOOKUPS));
    }

    @Test
    void aKnownKeyWithAWrongSecretIsRefusedFromMemoryAndTheRightOneStillWorks() {
        Tenants.Tenant tenant = Tenants.create("Wrong Secret Org");
        String id = tenant.apiKey().substring(0, tenant.apiKey().indexOf('.'));
        String wrong = id + ".0000000000000000000000";
        double before = Management.counter(LOOKUPS);
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", Tenants.basic(wrong)).get("/api/v1/lead/").then().statusCode(401);
        }
        tenant.api().get("/api/v1/lead/").then().statusCode(200);
        assertEquals(before + 1, Management.counter(LOOKUPS));
    }

    @Test
    void theOperatorTokenIsCheckedBeforeTheBodyIsRead() {
        // a body that cannot be parsed: with a wrong token the answer is still 401, not a complaint about the body
        given().header("Authorization", "Bearer not-the-operator-token").contentType("application/json")
                .body("{not json").post("/admin/v1/organizations")
                .then().statusCode(401).body("error", containsString("operator token"));
        given().contentType("application/json").body("{not json").post("/admin/v1/organizations/orga_x/provision")
                .then().statusCode(401);
    }
}
