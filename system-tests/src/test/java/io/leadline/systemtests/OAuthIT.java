package io.leadline.systemtests;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A third-party app through the real stack: it registers with an admin's API key, a person signs in and approves it
 * in a browser (HtmlUnit), and the app's Bearer token creates a lead whose event names that person and no API key.
 */
class OAuthIT {

    private static final String PASSWORD = "a long enough password";

    @Test
    void anAppActsForThePersonWhoApprovedIt() {
        String gateway = Stack.get().gatewayUrl();
        String email = "oauth-" + UUID.randomUUID() + "@leadline.test";
        Response created = operator().body(Map.of("name", "OAuth Org",
                        "user", Map.of("email", email, "first_name", "Olga", "last_name", "Auth")))
                .post("/admin/v1/organizations");
        created.then().statusCode(201);
        String organizationId = created.path("organization.id");
        String userId = created.path("user.id");
        String apiKey = created.path("api_key");
        operator().body(Map.of("password", PASSWORD)).put("/admin/v1/users/" + userId + "/password")
                .then().statusCode(204);

        OAuthApp app = OAuthApp.register(apiKey, "System Test App");

        String code;
        try (SignInBrowser browser = new HtmlUnitBrowser()) {
            browser.open(app.authorizeUrl("s1"));
            browser.type("email", email);
            browser.type("password", PASSWORD);
            browser.click("sign-in-button");
            assertThat(browser.text()).contains("System Test App", "OAuth Org", "all.full_access");
            browser.click("approve");
            Map<String, String> answer = OAuthApp.query(browser.url());
            assertThat(answer).containsEntry("state", "s1");
            code = answer.get("code");
        }

        Response tokens = app.redeem(code);
        tokens.then().statusCode(200).body("organization_id", equalTo(organizationId))
                .body("user_id", equalTo(userId));
        String access = tokens.path("access_token");

        OAuthApp.bearer(access).get("/me/").then().statusCode(200).body("id", equalTo(userId));
        String leadId = OAuthApp.bearer(access).body(Map.of("name", "Token Industries")).post("/lead/")
                .then().statusCode(200).body("created_by", equalTo(userId)).extract().path("id");

        List<Map<String, Object>> events = Eventually.await(
                () -> OAuthApp.bearer(access).queryParam("lead_id", leadId).queryParam("object_type", "lead").get("/event/")
                        .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("data"),
                found -> !found.isEmpty(), Duration.ofSeconds(20));
        assertThat(events.get(0)).containsEntry("action", "created").containsEntry("user_id", userId);
        assertThat(events.get(0).get("api_key_id")).isNull();

        // another organization sees nothing of it, and the token nothing of the other organization
        Tenant other = Tenant.create("Other OAuth Org");
        other.api().get("/lead/" + leadId + "/").then().statusCode(404);
        OAuthApp.bearer(access).get("/organization/" + other.organizationId() + "/").then().statusCode(404);

        // refreshed once, then the token is revoked and refused
        Response refreshed = given().baseUri(gateway).formParam("grant_type", "refresh_token")
                .formParam("refresh_token", (String) tokens.path("refresh_token"))
                .formParam("client_id", app.clientId())
                .post("/oauth2/token/");
        refreshed.then().statusCode(200);
        given().baseUri(gateway).formParam("client_id", app.clientId())
                .formParam("token", (String) refreshed.path("refresh_token")).post("/oauth2/revoke/")
                .then().statusCode(200);
        OAuthApp.bearer(refreshed.path("access_token")).get("/me/").then().statusCode(401);
    }

    private static RequestSpecification operator() {
        return given().baseUri(Stack.get().gatewayUrl())
                .header("Authorization", "Bearer " + Stack.get().operatorToken())
                .contentType(ContentType.JSON);
    }
}
