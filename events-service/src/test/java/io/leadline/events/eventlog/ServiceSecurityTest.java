package io.leadline.events.eventlog;

import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class ServiceSecurityTest {

    @Test
    void answersHealthAndMetricsWithoutAToken() {
        given().get("/q/health/ready").then().statusCode(200).body(containsString("UP"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
    }

    @Test
    void refusesTheEventLogWithoutAValidInternalToken() {
        given().get("/api/v1/event/").then().statusCode(401);
        given().header("Authorization", "Bearer not-a-jwt").get("/api/v1/event/").then().statusCode(401);
    }
}
