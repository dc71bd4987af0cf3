package io.leadline.activities;

import io.leadline.platform.testing.InternalTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** A fresh organization per test, so tests sharing the database never see each other's rows. */
public record TestOrganizations(String organizationId, String userId, String userName, String token) {

    public static TestOrganizations fresh() {
        String org = "orga_" + UUID.randomUUID().toString().replace("-", "");
        String user = "user_" + UUID.randomUUID().toString().replace("-", "");
        return new TestOrganizations(org, user, "Ada Admin", InternalTokens.mintNamed(org, user, "Ada Admin"));
    }

    public RequestSpecification request() {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }
}
