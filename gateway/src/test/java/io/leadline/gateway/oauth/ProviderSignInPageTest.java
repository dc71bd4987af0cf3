package io.leadline.gateway.oauth;

import io.leadline.gateway.support.OAuthDriver;
import io.leadline.gateway.support.ProviderConfiguredTestProfile;
import io.leadline.gateway.support.Tenants;
import io.leadline.gateway.support.Tenants.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * With an OpenID Connect provider configured, the authorization page signs people in there: the password form is
 * gone by default and its endpoint refuses, while API keys and the gateway's own Bearer tokens work as before.
 */
@QuarkusTest
@TestProfile(ProviderConfiguredTestProfile.class)
class ProviderSignInPageTest {

    @Test
    void theSignInPageOffersTheProviderAndNoPasswordForm() {
        Map<String, String> request = OAuthDriver.request(OAuthDriver.operatorClient(true), null, "v".repeat(43));
        String page = given().queryParams(request).get("/oauth2/authorize/")
                .then().statusCode(200).extract().asString();

        String link = "id=\"sign-in-with-provider\" href=\"/oauth2/authorize/oidc/?request=";
        assertThat(page, containsString(link));
        assertThat(page, containsString("Sign in with "
                + ProviderConfiguredTestProfile.PROVIDER_NAME));
        assertThat(page, not(containsString("name=\"password\"")));
        // the link carries the whole request, to come back to the same consent page
        int start = page.indexOf(link) + link.length();
        String packed = page.substring(start, page.indexOf('"', start));
        AuthorizationRequest carried = AuthorizationRequest.unpacked(packed);
        assertEquals(request.get("client_id"), carried.clientId());
        assertEquals(request.get("state"), carried.state());
        assertEquals(request.get("code_challenge"), carried.codeChallenge());
    }

    @Test
    void aPasswordCannotSignInEvenWhenTheUserHasOne() {
        Tenant tenant = Tenants.create("Provider Org");
        OAuthDriver.setPassword(tenant);
        Map<String, String> request = OAuthDriver.request(OAuthDriver.operatorClient(true), null, "w".repeat(43));

        Response refused = given().redirects().follow(false).formParams(request)
                .formParam("email", tenant.email()).formParam("password", OAuthDriver.PASSWORD)
                .post("/oauth2/authorize/sign-in/");
        refused.then().statusCode(404).body(containsString("Signing in with a password is turned off"));
        assertNull(refused.cookie("leadline_oauth_session"));
    }

    @Test
    void theApiKeepsItsOwnCredentials() {
        Tenant tenant = Tenants.create("Provider Api Org");
        tenant.api().get("/api/v1/me/").then().statusCode(200).body("id", equalTo(tenant.userId()));
        // a Bearer token is the gateway's own access token, never handed to the OIDC provider
        given().header("Authorization", "Bearer oat_not-a-token").get("/api/v1/me/")
                .then().statusCode(401).body("error", notNullValue());
    }
}
