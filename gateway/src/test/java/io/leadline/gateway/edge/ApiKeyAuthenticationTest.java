package io.leadline.gateway.edge;

import io.leadline.gateway.support.GatewayTestProfile;
import io.leadline.gateway.support.Tenants;
import io.leadline.gateway.support.Tenants.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class ApiKeyAuthenticationTest {

    @Test
    void acceptsTheKeyAsBasicUserNameWithAnEmptyPassword() {
        Tenant tenant = Tenants.create("Auth Org");
        given().auth().preemptive().basic(tenant.apiKey(), "")
                .get("/api/v1/me/")
                .then().statusCode(200)
                .header("X-Request-Id", matchesPattern("req_[0-9A-Za-z]{22}"))
                .body("id", equalTo(tenant.userId()));
    }

    @Test
    void refusesRequestsWithoutCredentialsInCloseShape() {
        given().get("/api/v1/me/")
                .then().statusCode(401)
                .contentType(containsString("application/json"))
                .header("RateLimit", nullValue())
                .body("error", notNullValue());
        given().get("/api/v1/lead/").then().statusCode(401).body("error", notNullValue());
    }

    @Test
    void refusesGarbageUnknownAndForgedKeys() {
        Tenant tenant = Tenants.create("Forgery Org");
        String keyId = tenant.apiKey().substring(0, tenant.apiKey().indexOf('.'));
        String forged = keyId + ".AAAAAAAAAAAAAAAAAAAAAA";
        for (String authorization : new String[] {
                "Basic !!!not-base64!!!",
                Tenants.basic("garbage"),
                Tenants.basic("api_0000000000000000000000.0000000000000000000000"),
                Tenants.basic(forged),
                "Bearer " + tenant.apiKey()}) {
            given().header("Authorization", authorization)
                    .get("/api/v1/me/")
                    .then().statusCode(401).body("error", notNullValue());
        }
        // the genuine key still works after the forgery attempts (nothing wrong got cached)
        tenant.api().get("/api/v1/me/").then().statusCode(200);
    }
}
