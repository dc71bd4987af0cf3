package io.leadline.gateway.support;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Creates organizations through the operator endpoint, the way an operator would. */
public final class Tenants {

    public record Tenant(String organizationId, String userId, String email, String apiKey) {

        /** A request authenticated the Close way: Basic with the key as user name and an empty password. */
        public RequestSpecification api() {
            return given().header("Authorization", basic(apiKey));
        }
    }

    private Tenants() {
    }

    public static Tenant create(String name) {
        String email = "owner-" + UUID.randomUUID() + "@example.com";
        ExtractableResponse<Response> created = bootstrap(Map.of(
                "name", name,
                "user", Map.of("email", email, "first_name", "Ada", "last_name", "Lovelace")))
                .then().statusCode(201).extract();
        return new Tenant(created.path("organization.id"), created.path("user.id"), email, created.path("api_key"));
    }

    /** Another person in the tenant's organization, with the given role and an API key of their own. */
    public static Tenant member(Tenant tenant, String firstName, String lastName, String roleId) {
        String email = firstName.toLowerCase() + "-" + UUID.randomUUID() + "@example.com";
        ExtractableResponse<Response> added = addMember(tenant.organizationId(), Map.of(
                "user", Map.of("email", email, "first_name", firstName, "last_name", lastName), "role_id", roleId))
                .then().statusCode(201).extract();
        return new Tenant(tenant.organizationId(), added.path("user.id"), email, added.path("api_key"));
    }

    public static Response addMember(String organizationId, Object body) {
        return given().header("Authorization", "Bearer " + GatewayTestProfile.OPERATOR_TOKEN)
                .contentType("application/json")
                .body(body)
                .post("/admin/v1/organizations/" + organizationId + "/memberships");
    }

    public static Response bootstrap(Object body) {
        return given().header("Authorization", "Bearer " + GatewayTestProfile.OPERATOR_TOKEN)
                .contentType("application/json")
                .body(body)
                .post("/admin/v1/organizations");
    }

    public static String basic(String apiKey) {
        return "Basic " + Base64.getEncoder().encodeToString((apiKey + ":").getBytes(StandardCharsets.UTF_8));
    }
}
