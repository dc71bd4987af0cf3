package io.leadline.systemtests;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
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
    private static final String VERIFIER = "system-test-verifier-0123456789-0123456789-abc";

    @Test
    void anAppActsForThePersonWhoApprovedIt() throws Exception {
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

        String callback = gateway + "/oauth-it-callback";
        Response registered = given().baseUri(gateway).auth().preemptive().basic(apiKey, "")
                .contentType(ContentType.JSON)
                .body(Map.of("client_name", "System Test App", "redirect_uris", List.of(callback),
                        "token_endpoint_auth_method", "none"))
                .post("/oauth2/register/");
        registered.then().statusCode(201);
        String clientId = registered.path("client_id");

        String code;
        try (WebClient browser = new WebClient()) {
            browser.getOptions().setJavaScriptEnabled(false);
            browser.getOptions().setCssEnabled(false);
            browser.getOptions().setThrowExceptionOnFailingStatusCode(false); // the app's callback is not served here
            HtmlPage signIn = browser.getPage(gateway + "/oauth2/authorize/?response_type=code&client_id=" + clientId
                    + "&redirect_uri=" + URLEncoder.encode(callback, StandardCharsets.UTF_8) + "&state=s1"
                    + "&scope=all.full_access%20offline_access"
                    + "&code_challenge=" + s256(VERIFIER) + "&code_challenge_method=S256");
            HtmlForm form = signIn.getFormByName("sign-in");
            form.getInputByName("email").setValue(email);
            form.getInputByName("password").setValue(PASSWORD);
            HtmlPage consent = form.getButtonByName("sign_in").click();
            assertThat(consent.asNormalizedText()).contains("System Test App", "OAuth Org", "all.full_access");
            Page answered = consent.<org.htmlunit.html.HtmlButton>getHtmlElementById("approve").click();
            Map<String, String> answer = query(answered.getUrl().toString());
            assertThat(answer).containsEntry("state", "s1");
            code = answer.get("code");
        }

        Response tokens = given().baseUri(gateway).formParam("grant_type", "authorization_code")
                .formParam("code", code).formParam("client_id", clientId).formParam("redirect_uri", callback)
                .formParam("code_verifier", VERIFIER).post("/oauth2/token/");
        tokens.then().statusCode(200).body("organization_id", equalTo(organizationId))
                .body("user_id", equalTo(userId));
        String access = tokens.path("access_token");

        bearer(access).get("/me/").then().statusCode(200).body("id", equalTo(userId));
        String leadId = bearer(access).body(Map.of("name", "Token Industries")).post("/lead/")
                .then().statusCode(200).body("created_by", equalTo(userId)).extract().path("id");

        List<Map<String, Object>> events = Eventually.await(
                () -> bearer(access).queryParam("lead_id", leadId).queryParam("object_type", "lead").get("/event/")
                        .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("data"),
                found -> !found.isEmpty(), Duration.ofSeconds(20));
        assertThat(events.get(0)).containsEntry("action", "created").containsEntry("user_id", userId);
        assertThat(events.get(0).get("api_key_id")).isNull();

        // another organization sees nothing of it, and the token nothing of the other organization
        Tenant other = Tenant.create("Other OAuth Org");
        other.api().get("/lead/" + leadId + "/").then().statusCode(404);
        bearer(access).get("/organization/" + other.organizationId() + "/").then().statusCode(404);

        // refreshed once, then the token is revoked and refused
        Response refreshed = given().baseUri(gateway).formParam("grant_type", "refresh_token")
                .formParam("refresh_token", (String) tokens.path("refresh_token")).formParam("client_id", clientId)
                .post("/oauth2/token/");
        refreshed.then().statusCode(200);
        given().baseUri(gateway).formParam("client_id", clientId)
                .formParam("token", (String) refreshed.path("refresh_token")).post("/oauth2/revoke/")
                .then().statusCode(200);
        bearer(refreshed.path("access_token")).get("/me/").then().statusCode(401);
    }

    private static RequestSpecification operator() {
        return given().baseUri(Stack.get().gatewayUrl())
                .header("Authorization", "Bearer " + Stack.get().operatorToken())
                .contentType(ContentType.JSON);
    }

    private static RequestSpecification bearer(String token) {
        return given().baseUri(Stack.get().gatewayUrl()).basePath("/api/v1")
                .header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    private static Map<String, String> query(String location) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static String s256(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }
}
