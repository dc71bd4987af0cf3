package io.leadline.gateway.hardening;

import io.leadline.gateway.support.FakeUpstreamResource;
import io.leadline.gateway.support.GatewayTestProfile;
import io.leadline.gateway.support.Tenants;
import io.leadline.gateway.support.Tenants.Tenant;
import io.leadline.gateway.support.TrustedProxyTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Behind a load balancer Quarkus trusts (quarkus.http.proxy.trusted-proxies), its X-Forwarded-* values count: for
 * what the services are told, for the rewritten Location, and for the address failed authentication is counted on.
 */
@QuarkusTest
@TestProfile(TrustedProxyTestProfile.class)
class TrustedProxyTest {

    private static final String WRONG_KEY = "api_0000000000000000000000.0000000000000000000000";

    @Test
    void aTrustedProxysValuesReachTheServicesAndTheLocation() {
        Tenant tenant = Tenants.create("Trusted Proxy Org");
        ExtractableResponse<Response> echoed = tenant.api()
                .header("X-Forwarded-For", "203.0.113.7")
                .header("X-Forwarded-Host", "crm.example.com")
                .header("X-Forwarded-Proto", "https")
                .header("X-Real-IP", "198.51.100.99")
                .header("Forwarded", "for=198.51.100.99")
                .get("/api/v1/lead/")
                .then().statusCode(200).extract();
        assertEquals("203.0.113.7", echoed.path("headers.x-forwarded-for"));
        assertEquals("https", echoed.path("headers.x-forwarded-proto"));
        assertEquals("crm.example.com", echoed.path("headers.x-forwarded-host"));
        assertNull(echoed.path("headers.x-real-ip"));
        assertNull(echoed.path("headers.forwarded"));

        tenant.api().header("X-Forwarded-Host", "crm.example.com").header("X-Forwarded-Proto", "https")
                .post(FakeUpstreamResource.LOCATION_PATH)
                .then().statusCode(201)
                .header("Location", equalTo("https://crm.example.com/api/v1/lead/lead_created/?x=1"));
    }

    @Test
    void anAddressThatKeepsFailingIsRefusedWith429UntilItsWindowEnds() {
        Tenant tenant = Tenants.create("Throttled Org");
        tenant.api().header("X-Forwarded-For", "198.51.100.1").get("/api/v1/lead/").then().statusCode(200);
        for (int i = 0; i < TrustedProxyTestProfile.MAX_FAILURES; i++) {
            withKey(WRONG_KEY, "198.51.100.1").get("/api/v1/lead/").then().statusCode(401);
        }
        withKey(WRONG_KEY, "198.51.100.1").get("/api/v1/lead/").then().statusCode(429)
                .header("Retry-After", matchesPattern("[1-9]\\d*")).body("error", notNullValue());
        // a key the gateway has verified recently still works from there: the limit guards the lookup, not the key
        withKey(tenant.apiKey(), "198.51.100.1").get("/api/v1/lead/").then().statusCode(200);
        // another address is not affected
        withKey(WRONG_KEY, "198.51.100.2").get("/api/v1/lead/").then().statusCode(401);
    }

    @Test
    void theOperatorTokenIsThrottledPerAddress() {
        for (int i = 0; i < TrustedProxyTestProfile.MAX_OPERATOR_FAILURES; i++) {
            operator("wrong-token", "198.51.100.3").then().statusCode(401);
        }
        operator(GatewayTestProfile.OPERATOR_TOKEN, "198.51.100.3").then().statusCode(429)
                .header("Retry-After", matchesPattern("[1-9]\\d*")).body("error", notNullValue());
        operator(GatewayTestProfile.OPERATOR_TOKEN, "198.51.100.4").then().statusCode(201);
    }

    private static io.restassured.specification.RequestSpecification withKey(String key, String address) {
        return given().header("Authorization", Tenants.basic(key)).header("X-Forwarded-For", address);
    }

    private static Response operator(String token, String address) {
        return given().header("Authorization", "Bearer " + token).header("X-Forwarded-For", address)
                .contentType("application/json")
                .body(Map.of("name", "Operator Throttle Org", "user", Map.of("email",
                        "op-" + System.nanoTime() + "@example.com", "first_name", "A", "last_name", "B")))
                .post("/admin/v1/organizations");
    }
}
