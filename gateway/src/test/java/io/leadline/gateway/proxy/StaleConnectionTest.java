package io.leadline.gateway.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadline.gateway.support.FakeUpstreamResource;
import io.leadline.gateway.support.GatewayTestProfile;
import io.leadline.gateway.support.Tenants;
import io.leadline.gateway.support.Tenants.Tenant;
import io.leadline.gateway.support.Timeouts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A pooled keep-alive connection the service closes before reading the next request on it (its idle timeout firing
 * as the gateway reuses the connection): the request that had not been written goes out again on a fresh
 * connection; one whose body was written is a Close-shaped 502, never sent twice.
 */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class StaleConnectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/api/v1/" + FakeUpstreamResource.CLOSING_PREFIX + "/";

    @Test
    void aRequestThatWasNotWrittenGoesOutAgainOnAFreshConnection() throws IOException {
        Tenant tenant = Tenants.create("Stale Get Org");
        tenant.api().get(PATH).then().statusCode(200); // opens a connection, which the pool keeps
        int closedBefore = counts().path("closed_unanswered").asInt();

        tenant.api().config(Timeouts.tenSeconds()).get(PATH).then().statusCode(200).body("method", equalTo("GET"));
        tenant.api().get(PATH).then().statusCode(200); // the retry's connection is not pooled: pool a new one
        tenant.api().config(Timeouts.tenSeconds()).delete(PATH + "x/").then().statusCode(200)
                .body("method", equalTo("DELETE"));

        // each of them met a connection the service closed, and was answered on another one
        assertEquals(closedBefore + 2, counts().path("closed_unanswered").asInt());
    }

    @Test
    void aRequestWhoseBodyWasWrittenIsNotRetried() throws IOException {
        Tenant tenant = Tenants.create("Stale Post Org");
        tenant.api().get(PATH).then().statusCode(200);
        int connectionsBefore = counts().path("connections").asInt();

        tenant.api().config(Timeouts.tenSeconds()).contentType("application/json").body("{\"name\": \"Once\"}")
                .post(PATH)
                .then().statusCode(502).body("error", containsString("may or may not have been applied"));
        // no second connection carried the body
        assertEquals(connectionsBefore, counts().path("connections").asInt());
    }

    private static JsonNode counts() throws IOException {
        String crmCore = ConfigProvider.getConfig().getValue("leadline.gateway.upstream.crm-core", String.class);
        try {
            return JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(crmCore
                    + FakeUpstreamResource.CLOSING_COUNTS_PATH)).build(), HttpResponse.BodyHandlers.ofString()).body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
