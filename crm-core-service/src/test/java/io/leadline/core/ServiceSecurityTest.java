package io.leadline.core;

import io.leadline.platform.testing.ServiceSecurityContract;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;

@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class ServiceSecurityTest extends ServiceSecurityContract {

    @Override
    protected String protectedPath() {
        return "/api/v1/lead/";
    }

    @Test
    void refusesInternalCallsWithoutAValidInternalToken() {
        given().post("/internal/v1/provision").then().statusCode(401);
    }
}
