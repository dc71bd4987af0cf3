package io.leadline.systemtests;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** An organization created through the operator API, with the API key of its first admin. */
record Tenant(String organizationId, String userId, String apiKey) {

    static Tenant create(String name) {
        String email = "admin-" + UUID.randomUUID() + "@leadline.test";
        Response response = given()
                .baseUri(Stack.get().gatewayUrl())
                .header("Authorization", "Bearer " + Stack.get().operatorToken())
                .contentType(ContentType.JSON)
                .body(Map.of("name", name, "user", Map.of("email", email, "first_name", "Ada", "last_name", "Admin")))
                .post("/admin/v1/organizations");
        response.then().statusCode(201);
        return new Tenant(response.path("organization.id"), response.path("user.id"), response.path("api_key"));
    }

    /** A request through the gateway authenticated the way Close's clients do: HTTP Basic, key as user name. */
    RequestSpecification api() {
        return given()
                .baseUri(Stack.get().gatewayUrl())
                .basePath("/api/v1")
                .auth().preemptive().basic(apiKey, "")
                .contentType(ContentType.JSON);
    }
}
