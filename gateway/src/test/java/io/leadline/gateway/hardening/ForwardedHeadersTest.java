package io.leadline.gateway.hardening;

import io.leadline.gateway.support.FakeUpstreamResource;
import io.leadline.gateway.support.GatewayTestProfile;
import io.leadline.gateway.support.Tenants;
import io.leadline.gateway.support.Tenants.Tenant;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Without a trusted proxy in front, what a client claims about itself reaches no service and steers nothing. */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class ForwardedHeadersTest {

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void theClientsForwardingHeadersAreReplacedByTheGateways() {
        Tenant tenant = Tenants.create("Forwarded Org");
        ExtractableResponse<Response> echoed = tenant.api()
                .header("X-Forwarded-For", "203.0.113.9")
                .header("X-Forwarded-Host", "evil.example.com")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Prefix", "/evil")
                .header("Forwarded", "for=203.0.113.9;host=evil.example.com;proto=https")
                .header("X-Real-IP", "203.0.113.9")
                .get("/api/v1/lead/")
                .then().statusCode(200).extract();

        assertEquals("127.0.0.1", echoed.path("headers.x-forwarded-for"));
        assertEquals("http", echoed.path("headers.x-forwarded-proto"));
        assertEquals(gateway.getHost() + ":" + gateway.getPort(), echoed.path("headers.x-forwarded-host"));
        assertNull(echoed.path("headers.x-forwarded-prefix"));
        assertNull(echoed.path("headers.forwarded"));
        assertNull(echoed.path("headers.x-real-ip"));
    }

    @Test
    void theClientsForwardingHeadersDoNotSteerTheLocation() {
        Tenant tenant = Tenants.create("Location Steering Org");
        tenant.api().header("Host", "crm.example.com")
                .header("X-Forwarded-Host", "evil.example.com").header("X-Forwarded-Proto", "https")
                .post(FakeUpstreamResource.LOCATION_PATH)
                .then().statusCode(201)
                .header("Location", equalTo("http://crm.example.com/api/v1/lead/lead_created/?x=1"));
    }
}
