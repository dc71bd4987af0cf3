package io.leadline.core;

import io.leadline.platform.testing.InternalTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** A fresh, provisioned organization per test, so tests sharing the database never see each other's rows. */
public record TestOrganizations(String organizationId, String userId, String token) {

    public static TestOrganizations provisioned() {
        TestOrganizations org = unprovisioned();
        org.request().post("/internal/v1/provision").then().statusCode(200);
        return org;
    }

    public static TestOrganizations unprovisioned() {
        String org = "orga_" + UUID.randomUUID().toString().replace("-", "");
        String user = "user_" + UUID.randomUUID().toString().replace("-", "");
        return new TestOrganizations(org, user, InternalTokens.mint(org, user));
    }

    /** A request of another member of the organization with the given role (not an admin unless "admin"). */
    public RequestSpecification requestAs(String role) {
        return given().header("Authorization", "Bearer " + InternalTokens.mint(organizationId, "user_" + role, null, role))
                .contentType(ContentType.JSON);
    }

    public RequestSpecification request() {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }
}
