package io.leadline.systemtests;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Close's rate limiting: a RateLimit header on every answer and a 429 with Retry-After past the limit. */
class RateLimitIT {

    @Test
    void theRequestPastTheKeysLimitIsRefusedWithRetryAfter() {
        Tenant busy = Tenant.create("Busy Bees");
        Response first = busy.api().get("/lead/");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.header("RateLimit")).matches("limit=" + Stack.KEY_RATE_LIMIT + ", remaining=\\d+, reset=[\\d.]+");

        Response refused = null;
        // A window may roll over mid-burst, so allow a second window's worth before calling it broken.
        for (int i = 1; i <= 2 * Stack.KEY_RATE_LIMIT + 1 && refused == null; i++) {
            Response response = busy.api().get("/lead/");
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertThat(response.statusCode()).isEqualTo(200);
            }
        }
        assertThat(refused).as("a 429 within two windows' worth of requests").isNotNull();
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, Stack.RATE_WINDOW_SECONDS);
        assertThat(refused.header("RateLimit")).contains("remaining=0");
        assertThat(refused.jsonPath().getString("error.message")).isNotBlank();
        assertThat(refused.jsonPath().getInt("error.rate_limit")).isEqualTo(Stack.KEY_RATE_LIMIT);
    }
}
