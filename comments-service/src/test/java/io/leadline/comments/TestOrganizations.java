package io.leadline.comments;

import io.leadline.platform.testing.InternalTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** A fresh organization per test with an admin user, so tests sharing the database never see each other's rows. */
public record TestOrganizations(String organizationId, String userId, String token) {

    public static TestOrganizations create() {
        String org = "orga_" + UUID.randomUUID().toString().replace("-", "");
        String user = newUserId();
        return new TestOrganizations(org, user, InternalTokens.mint(org, user));
    }

    public static String newUserId() {
        return "user_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** Another user of the same organization, with the given role ({@code admin} or {@code user}). */
    public TestOrganizations withUser(String userId, String role) {
        return new TestOrganizations(organizationId, userId, InternalTokens.mint(organizationId, userId, null, role));
    }

    public RequestSpecification request() {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }
}
