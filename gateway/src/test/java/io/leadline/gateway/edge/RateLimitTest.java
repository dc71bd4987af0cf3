package io.leadline.gateway.edge;

import io.leadline.gateway.support.GatewayTestProfile;
import io.leadline.gateway.support.Tenants;
import io.leadline.gateway.support.Tenants.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.greaterThan;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class RateLimitTest {

    private static final int LIMIT = GatewayTestProfile.KEY_LIMIT;

    @Test
    void countsDownAndThenAnswers429InCloseShape() {
        Tenant tenant = Tenants.create("Busy Org");
        for (int i = 1; i <= LIMIT; i++) {
            String path = i % 2 == 0 ? "/api/v1/me/" : "/api/v1/lead/";
            tenant.api().get(path).then().statusCode(200)
                    .header("RateLimit", matchesPattern("limit=" + LIMIT + ", remaining=" + (LIMIT - i) + ", reset=\\d+"));
        }
        tenant.api().get("/api/v1/me/")
                .then().statusCode(429)
                .header("Retry-After", matchesPattern("[1-9]\\d*"))
                .header("RateLimit", matchesPattern("limit=" + LIMIT + ", remaining=0, reset=[1-9]\\d*"))
                .body("error.message", equalTo("API call count exceeded for this period"))
                .body("error.rate_limit", equalTo(LIMIT))
                .body("error.rate_window", equalTo(30.0f))
                .body("error.rate_reset", greaterThan(0.0f))
                .body("error.rate_reset", lessThanOrEqualTo(30.0f))
                .body("error.rate_limit_type", equalTo("key"));
        // proxied calls are limited by the same window
        tenant.api().get("/api/v1/lead/").then().statusCode(429);
    }
}
