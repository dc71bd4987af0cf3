package io.leadline.gateway.proxy;

import io.leadline.gateway.support.GatewayTestProfile;
import io.leadline.gateway.support.Tenants;
import io.leadline.gateway.support.Tenants.Tenant;
import io.leadline.gateway.support.Timeouts;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every malformed or oversized method override gets an answer, on every path a request can take. */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class MethodOverrideHardeningTest {

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void aKeySeenForTheFirstTimeGets400ForAMalformedOverride() {
        // the first request of a key waits for the database and mints a token: both answer later, in a subscriber
        Tenant tenant = Tenants.create("Fresh Override Org");
        overridden(tenant, "GE T").then().statusCode(400).body("error", containsString("x-http-method-override"));
    }

    @Test
    void aCachedKeyGets400ForEveryOverrideButGet() {
        Tenant tenant = Tenants.create("Cached Override Org");
        tenant.api().get("/api/v1/lead/").then().statusCode(200); // key verified, token minted: the fast path
        for (String value : new String[] {"GE T", "GET, DELETE", "DELETE", "PUT", "PATCH", "POST", "get x"}) {
            overridden(tenant, value).then().statusCode(400)
                    .body("error", containsString("x-http-method-override"));
        }
        // a GET override on anything but a POST cannot be honoured either
        tenant.api().config(Timeouts.tenSeconds()).header("x-http-method-override", "GET")
                .delete("/api/v1/lead/lead_x/").then().statusCode(400);
        // and lower case GET is still GET
        overridden(tenant, "get").then().statusCode(200);
    }

    @Test
    void anOverrideBodyOverTheLimitIs413() throws Exception {
        Tenant tenant = Tenants.create("Big Override Org");
        String big = "{\"_params\": {\"id__in\": \"" + "x".repeat(9000) + "\"}}";
        overridden(tenant, "GET", big).then().statusCode(413).body("error", containsString("_params"));

        // chunked, so only the running count can tell
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(gateway + "api/v1/lead/"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", Tenants.basic(tenant.apiKey()))
                .header("x-http-method-override", "GET")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(chunked, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, answer.statusCode());
        assertTrue(answer.body().contains("\"error\""), answer.body());

        // a body within the limit still works
        overridden(tenant, "GET", "{\"_params\": {\"id__in\": \"" + "x".repeat(4000) + "\"}}")
                .then().statusCode(200);
    }

    private static io.restassured.response.Response overridden(Tenant tenant, String value) {
        return overridden(tenant, value, "{\"_params\": {\"_limit\": 1}}");
    }

    private static io.restassured.response.Response overridden(Tenant tenant, String value, String body) {
        return tenant.api().config(Timeouts.tenSeconds()).header("x-http-method-override", value)
                .contentType("application/json").body(body).post("/api/v1/lead/");
    }
}
