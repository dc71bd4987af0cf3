package io.leadline.core;

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
    void answersHealthWithoutAToken() {
        given().get("/q/health/ready").then().statusCode(200).body(containsString("UP"));
    }

    @Test
    void refusesApiAndInternalCallsWithoutAValidInternalToken() {
        given().get("/api/v1/lead/").then().statusCode(401);
        given().header("Authorization", "Bearer not-a-jwt").get("/api/v1/lead/").then().statusCode(401);
        given().post("/internal/v1/provision").then().statusCode(401);
    }
}
