package io.leadline.gateway.proxy;

import io.leadline.gateway.support.FakeUpstreamResource;
import io.leadline.gateway.support.GatewayTestProfile;
import io.leadline.gateway.support.Tenants;
import io.leadline.gateway.support.Tenants.Tenant;
import io.leadline.platform.testing.InternalTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class ApiProxyTest {

    @Test
    void forwardsWithAnInternalTokenForTheKeysPrincipal() throws Exception {
        Tenant tenant = Tenants.create("Proxy Org");
        ExtractableResponse<Response> echoed = tenant.api()
                .get("/api/v1/lead/")
                .then().statusCode(200)
                .header("RateLimit", matchesPattern("limit=\\d+, remaining=\\d+, reset=\\d+"))
                .extract();

        String authorization = echoed.path("headers.authorization");
        assertTrue(authorization.startsWith("Bearer "), authorization);
        JsonWebToken token = InternalTokens.verify(authorization.substring("Bearer ".length()));
        assertEquals("leadline-gateway", token.getIssuer());
        assertTrue(token.getAudience().contains("leadline-internal"));
        assertEquals(tenant.userId(), token.getSubject());
        assertEquals(tenant.organizationId(), token.getClaim("org_id"));
        assertEquals(tenant.apiKey().substring(0, tenant.apiKey().indexOf('.')), token.getClaim("api_key_id"));
        assertEquals("admin", token.getClaim("role"));
        assertEquals("all.full_access", token.getClaim("scope"));
        assertEquals("Ada Lovelace", token.getClaim("name"));
        assertEquals(Set.of("user"), token.getGroups());
        long lifetime = token.getExpirationTime() - token.getIssuedAtTime();
        assertEquals(300, lifetime);
    }

    @Test
    void keepsBodyQueryAndHeadersAndTagsTheRequest() {
        Tenant tenant = Tenants.create("Echo Org");
        String body = "{\"name\": \"Wayne Enterprises\", \"contacts\": [{\"name\": \"Bruce\"}]}";
        ExtractableResponse<Response> echoed = tenant.api()
                .urlEncodingEnabled(false)
                .header("X-TZ-Offset", "-4.5")
                .contentType("application/json")
                .body(body)
                .post("/api/v1/lead/?_fields=id,name&status_id=stat_1")
                .then().statusCode(200)
                .header("X-Request-Id", matchesPattern("req_[0-9A-Za-z]{22}"))
                .extract();

        assertEquals("POST", echoed.path("method"));
        assertEquals("/api/v1/lead/", echoed.path("path"));
        assertEquals("_fields=id,name&status_id=stat_1", echoed.path("query"));
        assertEquals(body, echoed.path("body"));
        assertEquals("-4.5", echoed.path("headers.x-tz-offset"));
        assertTrue(((String) echoed.path("headers.content-type")).startsWith("application/json"));
        assertEquals(echoed.header("X-Request-Id"), echoed.path("headers.x-request-id"));
    }

    @Test
    void streamsLargeBodiesThroughIntact() {
        Tenant tenant = Tenants.create("Bulk Org");
        String big = "{\"note\": \"" + "x".repeat(2_000_000) + "\"}";
        String echoed = tenant.api().contentType("application/json").body(big)
                .put("/api/v1/lead/lead_x/")
                .then().statusCode(200).extract().path("body");
        assertEquals(big, echoed);
    }

    @Test
    void routesEachPrefixToItsService() {
        Tenant tenant = Tenants.create("Routes Org");
        tenant.api().get("/api/v1/activity/call/").then().statusCode(200).body("path", equalTo("/api/v1/activity/call/"));
        tenant.api().get("/api/v1/comment/").then().statusCode(200).body("path", equalTo("/api/v1/comment/"));
        tenant.api().get("/api/v1/lead").then().statusCode(200).body("path", equalTo("/api/v1/lead"));
    }

    @Test
    void turnsAMethodOverriddenPostIntoAGetWithQueryParameters() {
        Tenant tenant = Tenants.create("Override Org");
        ExtractableResponse<Response> echoed = tenant.api()
                .header("x-http-method-override", "GET")
                .contentType("application/json")
                .body(Map.of("_params", Map.of("id__in", new String[] {"lead_a", "lead_b"}, "_limit", 5)))
                .post("/api/v1/lead/?_skip=10")
                .then().statusCode(200).extract();

        assertEquals("GET", echoed.path("method"));
        assertEquals("", echoed.path("body"));
        String query = echoed.path("query");
        assertTrue(query.startsWith("_skip=10&"), query);
        assertTrue(query.contains("id__in=lead_a%2Clead_b"), query);
        assertTrue(query.contains("_limit=5"), query);
        assertNull(echoed.path("headers.x-http-method-override"));
    }

    @Test
    void rejectsAnOverrideWhoseParamsAreNotAnObject() {
        Tenant tenant = Tenants.create("Bad Override Org");
        tenant.api().header("x-http-method-override", "GET")
                .contentType("application/json")
                .body(Map.of("_params", "id=1"))
                .post("/api/v1/lead/")
                .then().statusCode(400).body("'field-errors'._params", notNullValue());
    }

    @Test
    void rewritesTheServicesLocationToTheGatewaysOrigin() {
        Tenant tenant = Tenants.create("Location Org");
        // the client's own X-Forwarded-* count only through a trusted proxy (TrustedProxyTest)
        tenant.api().header("Host", "crm.example.com")
                .post(FakeUpstreamResource.LOCATION_PATH)
                .then().statusCode(201)
                .header("Location", equalTo("http://crm.example.com/api/v1/lead/lead_created/?x=1"));
    }

    @Test
    void unknownPrefixesAreNotFound() {
        Tenant tenant = Tenants.create("Unknown Org");
        tenant.api().get("/api/v1/no_such_thing/")
                .then().statusCode(404).body("error", notNullValue()).header("RateLimit", notNullValue());
        tenant.api().get("/api/v2/lead/").then().statusCode(404).body("error", notNullValue());
        // dot segments cannot smuggle a request past the route table: the decision is made on the normalized path
        tenant.api().urlEncodingEnabled(false).get("/api/v1/lead/../no_such_thing/")
                .then().statusCode(404).body("error", notNullValue());
    }

    @Test
    void answers503WhenTheServiceIsDown() {
        Tenant tenant = Tenants.create("Down Org");
        tenant.api().get("/api/v1/event/")
                .then().statusCode(503)
                .body("error", notNullValue())
                .header("RateLimit", notNullValue());
    }

    @Test
    void neverForwardsTheClientsCredentials() {
        Tenant tenant = Tenants.create("Secret Org");
        String forwarded = tenant.api().get("/api/v1/contact/").then().statusCode(200)
                .body("headers.x-http-method-override", nullValue())
                .extract().path("headers.authorization");
        assertTrue(!forwarded.contains(tenant.apiKey()) && forwarded.startsWith("Bearer "));
        given().get("/api/v1/contact/").then().statusCode(401);
    }
}
