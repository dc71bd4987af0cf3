package io.leadline.systemtests;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A person invited to Leadline signs in through the deployment's OpenID Connect provider (a real Keycloak) and
 * approves a third-party app; the app's Bearer token then acts as that person. Keycloak's realm
 * (keycloak/leadline-realm.json) holds three people: one invited to Leadline, one not, and one whose email Keycloak
 * has not verified. The browser is the subclass's: HtmlUnit in every build, Chromium in the {@code browser} profile.
 */
abstract class KeycloakSignInFlow {

    private static final String INVITED_EMAIL = "kc-invited@leadline.test";
    private static final String UNVERIFIED_EMAIL = "kc-unverified@leadline.test";

    private static Tenant invited;
    private static OAuthApp app;

    abstract SignInBrowser browser();

    @BeforeAll
    static void inviteAndRegister() {
        if (invited != null) {
            return; // both subclasses may run in one JVM, against one stack
        }
        // the organization's first admin is the invited person: created by the operator, no password anywhere
        Response created = given().baseUri(Stack.get().gatewayUrl())
                .header("Authorization", "Bearer " + Stack.get().operatorToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Keycloak Org",
                        "user", Map.of("email", INVITED_EMAIL, "first_name", "Ines", "last_name", "Invited")))
                .post("/admin/v1/organizations");
        created.then().statusCode(201);
        invited = new Tenant(created.path("organization.id"), created.path("user.id"), created.path("api_key"));
        given().baseUri(Stack.get().gatewayUrl())
                .header("Authorization", "Bearer " + Stack.get().operatorToken()).contentType(ContentType.JSON)
                .body(Map.of("user", Map.of("email", UNVERIFIED_EMAIL, "first_name", "Uma", "last_name", "U")))
                .post("/admin/v1/organizations/" + invited.organizationId() + "/memberships")
                .then().statusCode(201);
        app = OAuthApp.register(invited.apiKey(), "Keycloak Test App");
    }

    @Test
    void anInvitedPersonSignsInAtKeycloakAndTheAppActsForThem() {
        String code;
        try (SignInBrowser browser = browser()) {
            signInAtKeycloak(browser, "invited", "invited-password");
            assertThat(browser.title()).isEqualTo("Authorize Keycloak Test App · Leadline");
            assertThat(browser.text()).contains("Keycloak Org", "all.full_access");
            browser.click("approve");
            Map<String, String> answer = OAuthApp.query(browser.url());
            assertThat(answer).containsEntry("state", "kc-state");
            code = answer.get("code");
        }
        Response tokens = app.redeem(code);
        tokens.then().statusCode(200).body("organization_id", equalTo(invited.organizationId()))
                .body("user_id", equalTo(invited.userId()));
        String access = tokens.path("access_token");

        OAuthApp.bearer(access).get("/me/").then().statusCode(200).body("id", equalTo(invited.userId()))
                .body("email", equalTo(INVITED_EMAIL));
        String leadId = OAuthApp.bearer(access).body(Map.of("name", "Keycloak Industries")).post("/lead/")
                .then().statusCode(200).body("created_by", equalTo(invited.userId())).extract().path("id");
        List<Map<String, Object>> events = Eventually.await(
                () -> OAuthApp.bearer(access).queryParam("lead_id", leadId).queryParam("object_type", "lead")
                        .get("/event/").then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("data"),
                found -> !found.isEmpty(), Duration.ofSeconds(20));
        assertThat(events.get(0)).containsEntry("action", "created").containsEntry("user_id", invited.userId());

        // another organization sees nothing of it, neither the lead nor its events
        Tenant other = Tenant.create("Not Keycloak Org");
        other.api().get("/lead/" + leadId + "/").then().statusCode(404);
        other.api().queryParam("lead_id", leadId).get("/event/").then().statusCode(200).body("data.size()", equalTo(0));
        OAuthApp.bearer(access).get("/organization/" + other.organizationId() + "/").then().statusCode(404);
    }

    @Test
    void someoneKeycloakKnowsButLeadlineDoesNotIsToldWhatToDo() {
        try (SignInBrowser browser = browser()) {
            signInAtKeycloak(browser, "stranger", "stranger-password");
            assertThat(browser.title()).isEqualTo("Sign-in refused · Leadline");
            assertThat(browser.text()).contains("No Leadline account uses kc-stranger@leadline.test",
                    "Ask an administrator of your organization to invite you");
        }
    }

    @Test
    void anEmailKeycloakHasNotVerifiedIsRefused() {
        try (SignInBrowser browser = browser()) {
            signInAtKeycloak(browser, "unverified", "unverified-password");
            assertThat(browser.title()).isEqualTo("Sign-in refused · Leadline");
            assertThat(browser.text()).contains("Your email address kc-unverified@leadline.test is not verified");
        }
    }

    /** From the app's authorization URL through Leadline's sign-in page and Keycloak's login page. */
    private static void signInAtKeycloak(SignInBrowser browser, String username, String password) {
        browser.open(app.authorizeUrl("kc-state"));
        assertThat(browser.title()).isEqualTo("Sign in · Leadline");
        browser.click("sign-in-with-provider");
        assertThat(browser.url()).startsWith(Stack.keycloak().issuer() + "/protocol/openid-connect/auth");
        browser.type("username", username);
        browser.type("password", password);
        browser.click("kc-login");
    }
}
