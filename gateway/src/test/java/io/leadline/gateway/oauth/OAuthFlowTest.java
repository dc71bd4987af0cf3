package io.leadline.gateway.oauth;

import io.leadline.gateway.support.GatewayTestProfile;
import io.leadline.gateway.support.OAuthDriver;
import io.leadline.gateway.support.Tenants;
import io.leadline.gateway.support.Tenants.Tenant;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole authorization-code flow with PKCE as a person goes through it: a browser (HtmlUnit) signs in on the
 * gateway's page, picks the organization and approves; the app redeems the code and calls the API with the token.
 */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class OAuthFlowTest {

    private static final String VERIFIER = "flow-verifier-0123456789-0123456789-0123456789";

    @TestHTTPResource("/oauth-test-callback")
    URL callback;

    @Test
    void aPublicAppGetsATokenThroughTheSignInAndConsentPages() throws Exception {
        Tenant tenant = Tenants.create("Browser Org");
        Tenant second = Tenants.create("Second Org");
        OAuthDriver.setPassword(tenant);
        // the app registers itself with the admin's API key (RFC 7591), as a public client
        Response registered = tenant.api().contentType("application/json").body(Map.of(
                        "client_name", "Desk App", "redirect_uris", List.of(callback.toString()),
                        "token_endpoint_auth_method", "none"))
                .post("/oauth2/register/");
        registered.then().statusCode(201);
        String clientId = registered.path("client_id");

        String authorize = callback.toString().replace("/oauth-test-callback", "/oauth2/authorize/")
                + "?response_type=code&client_id=" + clientId + "&state=xyz"
                + "&redirect_uri=" + java.net.URLEncoder.encode(callback.toString(), "UTF-8")
                + "&code_challenge=" + OAuthDriver.s256(VERIFIER) + "&code_challenge_method=S256";
        try (WebClient browser = new WebClient()) {
            browser.getOptions().setJavaScriptEnabled(false);
            browser.getOptions().setCssEnabled(false);
            // the callback is the app's, not the gateway's: the gateway answers it 404, the URL is what counts
            browser.getOptions().setThrowExceptionOnFailingStatusCode(false);

            HtmlPage signIn = browser.getPage(authorize);
            assertEquals("Sign in · Leadline", signIn.getTitleText());
            HtmlForm form = signIn.getFormByName("sign-in");
            form.getInputByName("email").setValue(tenant.email());
            form.getInputByName("password").setValue(OAuthDriver.PASSWORD);
            HtmlPage consent = form.getButtonByName("sign_in").click();

            assertEquals("Authorize Desk App · Leadline", consent.getTitleText());
            String text = consent.asNormalizedText();
            assertTrue(text.contains("all.full_access"), text);
            assertTrue(text.contains("offline_access"), text);
            assertTrue(text.contains("Browser Org"), text);
            HtmlForm approval = consent.getFormByName("consent");
            HtmlButton approve = consent.getHtmlElementById("approve");
            assertEquals(approval, approve.getEnclosingForm());
            Page answered = approve.click();

            Map<String, String> answer = OAuthDriver.query(answered.getUrl().toString());
            assertTrue(answered.getUrl().toString().startsWith(callback + "?"), answered.getUrl().toString());
            assertEquals("xyz", answer.get("state"));

            Response tokens = given().formParam("grant_type", "authorization_code")
                    .formParam("code", answer.get("code")).formParam("client_id", clientId)
                    .formParam("redirect_uri", callback.toString()).formParam("code_verifier", VERIFIER)
                    .post("/oauth2/token/");
            tokens.then().statusCode(200)
                    .body("token_type", equalTo("Bearer"))
                    .body("access_token", startsWith("oat_"))
                    .body("organization_id", equalTo(tenant.organizationId()))
                    .body("user_id", equalTo(tenant.userId()));

            given().header("Authorization", "Bearer " + tokens.path("access_token")).get("/api/v1/me/")
                    .then().statusCode(200)
                    .body("id", equalTo(tenant.userId()))
                    .body("email", equalTo(tenant.email()));
            given().header("Authorization", "Bearer " + tokens.path("access_token"))
                    .get("/api/v1/organization/" + second.organizationId() + "/").then().statusCode(404);
        }
    }
}
