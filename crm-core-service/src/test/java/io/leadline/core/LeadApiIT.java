package io.leadline.core;

import io.leadline.platform.testing.KafkaServiceTestProfile;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** The packaged service (fast-jar, or native with -Dnative) serves a lead's life cycle behind the internal JWT. */
@QuarkusIntegrationTest
@TestProfile(KafkaServiceTestProfile.class)
class LeadApiIT {

    @Test
    void createsReadsListsAndDeletesALead() {
        TestOrganizations org = TestOrganizations.provisioned();
        String id = org.request()
                .body(Map.of("name", "Packaged Corp",
                        "contacts", List.of(Map.of("name", "Pat Packaged"))))
                .post("/api/v1/lead/")
                .then().statusCode(200)
                .body("display_name", equalTo("Packaged Corp"))
                .extract().path("id");

        org.request().get("/api/v1/lead/" + id + "/")
                .then().statusCode(200)
                .body("contacts", hasSize(1))
                .body("contacts[0].name", equalTo("Pat Packaged"));
        org.request().get("/api/v1/lead/?_fields=id")
                .then().statusCode(200)
                .body("data", hasSize(1))
                .body("data[0].id", equalTo(id));
        org.request().delete("/api/v1/lead/" + id + "/").then().statusCode(200);
        org.request().get("/api/v1/lead/" + id + "/").then().statusCode(404);
    }

    @Test
    void refusesACallerWithoutTheGatewaysToken() {
        given().get("/api/v1/lead/").then().statusCode(401);
    }
}
