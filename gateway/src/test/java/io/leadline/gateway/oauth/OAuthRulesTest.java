package io.leadline.gateway.oauth;

import io.leadline.gateway.support.GatewayTestProfile;
import io.leadline.gateway.support.MovableClock;
import io.leadline.gateway.support.OAuthDriver;
import io.leadline.gateway.support.OAuthDriver.Client;
import io.leadline.gateway.support.Tenants;
import io.leadline.gateway.support.Tenants.Tenant;
import io.leadline.platform.testing.InternalTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The authorization server's rules, over HTTP against the real gateway and database. */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class OAuthRulesTest {

    private static final String VERIFIER = "verifier-0123456789-0123456789-0123456789-abc";

    @Inject
    MovableClock clock;

    @Test
    void metadataNamesEveryEndpointGrantAndScope() {
        given().get("/.well-known/oauth-authorization-server").then().statusCode(200)
                .body("authorization_endpoint", startsWith("http://localhost"))
                .body("token_endpoint", org.hamcrest.Matchers.endsWith("/oauth2/token/"))
                .body("registration_endpoint", org.hamcrest.Matchers.endsWith("/oauth2/register/"))
                .body("revocation_endpoint", org.hamcrest.Matchers.endsWith("/oauth2/revoke/"))
                .body("grant_types_supported", equalTo(List.of("authorization_code", "refresh_token")))
                .body("code_challenge_methods_supported", equalTo(List.of("S256")))
                .body("scopes_supported", equalTo(List.of("all.full_access", "all.read_only", "offline_access")));
    }

    @Test
    void dynamicRegistrationNeedsAnOrganizationAdmin() {
        Tenant admin = Tenants.create("Registering Org");
        Tenant member = Tenants.member(admin, "Una", "User", "user");
        Map<String, Object> metadata = Map.of("client_name", "Zapier-ish",
                "redirect_uris", List.of("https://zap.example/cb"));

        Response registered = admin.api().contentType("application/json").body(metadata).post("/oauth2/register/");
        registered.then().statusCode(201)
                .body("client_id", startsWith("oac_"))
                .body("client_secret", startsWith("ocs_"))
                .body("organization_id", equalTo(admin.organizationId()))
                .body("token_endpoint_auth_method", equalTo("client_secret_basic"));

        member.api().contentType("application/json").body(metadata).post("/oauth2/register/")
                .then().statusCode(403).body("error", notNullValue());
        given().contentType("application/json").body(metadata).post("/oauth2/register/")
                .then().statusCode(401).body("error", notNullValue());
        admin.api().contentType("application/json")
                .body(Map.of("redirect_uris", List.of("http://evil.example/cb")))
                .post("/oauth2/register/")
                .then().statusCode(400).body("error", equalTo("invalid_redirect_uri"));
        admin.api().contentType("application/json").body(Map.of("client_name", "no uris"))
                .post("/oauth2/register/")
                .then().statusCode(400).body("error", equalTo("invalid_redirect_uri"));
        admin.api().contentType("application/json")
                .body(Map.of("redirect_uris", List.of("https://a.example/cb"), "grant_types", List.of("password")))
                .post("/oauth2/register/")
                .then().statusCode(400).body("error", equalTo("invalid_client_metadata"));
    }

    @Test
    void anUnregisteredRedirectUriIsAnsweredOnThePageNeverRedirected() {
        Client client = OAuthDriver.operatorClient(false);
        Map<String, String> request = OAuthDriver.request(client, null, null);
        request.put("redirect_uri", "http://127.0.0.1:8765/callback/other");
        given().redirects().follow(false).queryParams(request).get("/oauth2/authorize/")
                .then().statusCode(400).header("Location", nullValue())
                .body(org.hamcrest.Matchers.containsString("redirect_uri is not one the client registered"));
        given().redirects().follow(false).queryParam("client_id", "oac_unknown").queryParam("response_type", "code")
                .get("/oauth2/authorize/").then().statusCode(400).header("Location", nullValue());
    }

    @Test
    void aPublicClientMustUsePkce() {
        Client client = OAuthDriver.operatorClient(true);
        Map<String, String> request = OAuthDriver.request(client, null, null);
        Response answer = given().redirects().follow(false).queryParams(request).get("/oauth2/authorize/");
        answer.then().statusCode(303);
        Map<String, String> error = OAuthDriver.query(answer.header("Location"));
        assertEquals("invalid_request", error.get("error"));
        assertEquals(request.get("state"), error.get("state"));
    }

    @Test
    void aCodeIsRedeemedOnceAndReusingItRevokesItsTokens() {
        Tenant tenant = signedUp("Code Reuse Org");
        Client client = OAuthDriver.operatorClient(false);
        String code = OAuthDriver.code(tenant, client, OAuthDriver.request(client, null, null));

        Response tokens = OAuthDriver.redeem(client, code, null);
        tokens.then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("access_token", startsWith("oat_"))
                .body("expires_in", equalTo(3600))
                .body("refresh_token", startsWith("ort_"))
                .body("scope", equalTo("all.full_access offline_access"))
                .body("organization_id", equalTo(tenant.organizationId()))
                .body("user_id", equalTo(tenant.userId()));
        String access = tokens.path("access_token");
        bearer(access).get("/api/v1/me/").then().statusCode(200).body("id", equalTo(tenant.userId()));

        OAuthDriver.redeem(client, code, null).then().statusCode(400).body("error", equalTo("invalid_grant"));
        bearer(access).get("/api/v1/me/").then().statusCode(401);
        OAuthDriver.refresh(client, tokens.path("refresh_token")).then().statusCode(400)
                .body("error", equalTo("invalid_grant"));
    }

    @Test
    void aCodeExpiresAfterItsLifetime() {
        Tenant tenant = signedUp("Expiry Org");
        Client client = OAuthDriver.operatorClient(false);
        String code = OAuthDriver.code(tenant, client, OAuthDriver.request(client, null, null));
        clock.advance(Duration.ofSeconds(61));
        OAuthDriver.redeem(client, code, null).then().statusCode(400)
                .body("error", equalTo("invalid_grant"))
                .body("error_description", equalTo("The authorization code has expired."));
    }

    @Test
    void pkceVerifierMustMatchTheChallenge() {
        Tenant tenant = signedUp("PKCE Org");
        Client client = OAuthDriver.operatorClient(true);
        String code = OAuthDriver.code(tenant, client, OAuthDriver.request(client, null, VERIFIER));
        OAuthDriver.redeem(client, code, VERIFIER + "x").then().statusCode(400)
                .body("error", equalTo("invalid_grant"));
        OAuthDriver.redeem(client, code, null).then().statusCode(400).body("error", equalTo("invalid_grant"));
        // a mismatch does not use the code up: the right verifier still redeems it
        OAuthDriver.redeem(client, code, VERIFIER).then().statusCode(200).body("access_token", startsWith("oat_"));
    }

    @Test
    void clientsAreAuthenticatedAndCodesBoundToTheirClient() {
        Tenant tenant = signedUp("Client Auth Org");
        Client client = OAuthDriver.operatorClient(false);
        Client other = OAuthDriver.operatorClient(false);
        String code = OAuthDriver.code(tenant, client, OAuthDriver.request(client, null, null));
        OAuthDriver.redeem(new Client(client.id(), "ocs_wrong"), code, null).then().statusCode(401)
                .body("error", equalTo("invalid_client"));
        OAuthDriver.redeem(other, code, null).then().statusCode(400).body("error", equalTo("invalid_grant"));
        given().formParam("grant_type", "password").post("/oauth2/token/").then().statusCode(400)
                .body("error", equalTo("unsupported_grant_type"));
        OAuthDriver.redeem(client, code, null).then().statusCode(200);
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheWholeFamily() {
        Tenant tenant = signedUp("Rotation Org");
        Client client = OAuthDriver.operatorClient(false);
        Response first = OAuthDriver.redeem(client,
                OAuthDriver.code(tenant, client, OAuthDriver.request(client, null, null)), null);
        String firstRefresh = first.path("refresh_token");

        Response second = OAuthDriver.refresh(client, firstRefresh);
        second.then().statusCode(200).body("refresh_token", not(equalTo(firstRefresh)))
                .body("user_id", equalTo(tenant.userId()));
        bearer(second.path("access_token")).get("/api/v1/me/").then().statusCode(200);

        OAuthDriver.refresh(client, firstRefresh).then().statusCode(400).body("error", equalTo("invalid_grant"));
        OAuthDriver.refresh(client, second.path("refresh_token")).then().statusCode(400)
                .body("error", equalTo("invalid_grant"));
        bearer(second.path("access_token")).get("/api/v1/me/").then().statusCode(401);
        bearer(first.path("access_token")).get("/api/v1/me/").then().statusCode(401);
    }

    @Test
    void aRevokedTokenIsRefused() {
        Tenant tenant = signedUp("Revocation Org");
        Client client = OAuthDriver.operatorClient(false);
        Response tokens = OAuthDriver.redeem(client,
                OAuthDriver.code(tenant, client, OAuthDriver.request(client, null, null)), null);
        String access = tokens.path("access_token");
        bearer(access).get("/api/v1/me/").then().statusCode(200);

        given().auth().preemptive().basic(client.id(), client.secret()).formParam("token", access)
                .post("/oauth2/revoke/").then().statusCode(200);
        bearer(access).get("/api/v1/me/").then().statusCode(401).body("error", notNullValue());
        // the refresh token of the same grant still works; revoking it ends the grant
        Response renewed = OAuthDriver.refresh(client, tokens.path("refresh_token"));
        renewed.then().statusCode(200);
        given().auth().preemptive().basic(client.id(), client.secret())
                .formParam("token", (String) renewed.path("refresh_token")).post("/oauth2/revoke/")
                .then().statusCode(200);
        bearer(renewed.path("access_token")).get("/api/v1/me/").then().statusCode(401);
        given().auth().preemptive().basic(client.id(), client.secret()).formParam("token", "oat_unknown")
                .post("/oauth2/revoke/").then().statusCode(200);
    }

    @Test
    void aReadOnlyTokenReadsButNeverWrites() {
        Tenant tenant = signedUp("Read Only Org");
        Client client = OAuthDriver.operatorClient(false);
        Response tokens = OAuthDriver.redeem(client,
                OAuthDriver.code(tenant, client, OAuthDriver.request(client, "all.read_only", null)), null);
        tokens.then().statusCode(200).body("scope", equalTo("all.read_only")).body("refresh_token", nullValue());
        String access = tokens.path("access_token");

        bearer(access).get("/api/v1/me/").then().statusCode(200);
        Response proxied = bearer(access).get("/api/v1/lead/");
        proxied.then().statusCode(200);
        JsonWebToken internal = InternalTokens.verify(
                ((String) proxied.path("headers.authorization")).substring("Bearer ".length()));
        assertEquals("all.read_only", internal.getClaim("scope"));
        bearer(access).contentType("application/json").body(Map.of("name", "x"))
                .post("/api/v1/lead/").then().statusCode(403).body("error", notNullValue());
        bearer(access).contentType("application/json").body(Map.of("name", "Renamed"))
                .put("/api/v1/organization/" + tenant.organizationId() + "/").then().statusCode(403);
        bearer(access).delete("/api/v1/lead/lead_x/").then().statusCode(403);
        // a search tunnelled through POST is a read
        bearer(access).header("x-http-method-override", "GET").contentType("application/json")
                .body(Map.of("_params", Map.of("query", "x"))).post("/api/v1/lead/").then().statusCode(200);
        OAuthDriver.operatorClient(false);
        bearer(access).contentType("application/json")
                .body(Map.of("redirect_uris", List.of("https://a.example/cb"))).post("/oauth2/register/")
                .then().statusCode(403);
    }

    @Test
    void aTokenActsForItsUserInItsOrganizationOnly() {
        Tenant mine = signedUp("Token Org A");
        Tenant theirs = Tenants.create("Token Org B");
        Client client = OAuthDriver.operatorClient(false);
        Response tokens = OAuthDriver.redeem(client,
                OAuthDriver.code(mine, client, OAuthDriver.request(client, null, null)), null);
        String access = tokens.path("access_token");

        bearer(access).get("/api/v1/organization/" + theirs.organizationId() + "/").then().statusCode(404);
        bearer(access).get("/api/v1/user/" + theirs.userId() + "/").then().statusCode(404);
        bearer(access).get("/api/v1/user/").then().statusCode(200)
                .body("data.id", hasItem(mine.userId()))
                .body("data.id", not(hasItem(theirs.userId())));
        Response proxied = bearer(access).get("/api/v1/lead/");
        proxied.then().statusCode(200).header("RateLimit", notNullValue());
        JsonWebToken internal = InternalTokens.verify(
                ((String) proxied.path("headers.authorization")).substring("Bearer ".length()));
        assertEquals(mine.userId(), internal.getSubject());
        assertEquals(mine.organizationId(), internal.getClaim("org_id"));
        assertEquals("admin", internal.getClaim("role"));
        assertEquals("all.full_access offline_access", internal.getClaim("scope"));
        assertNull(internal.getClaim("api_key_id"));

        // the consent form refuses an organization the user is not a member of
        Map<String, String> request = OAuthDriver.request(client, null, null);
        String cookie = OAuthDriver.signIn(mine.email(), request);
        OAuthDriver.approve(cookie, request, theirs.organizationId()).then().statusCode(400)
                .header("Location", nullValue());
    }

    @Test
    void consentNeedsTheFormsCsrfTokenAndDenialGoesBackToTheClient() {
        Tenant tenant = signedUp("Consent Org");
        Client client = OAuthDriver.operatorClient(false);
        Map<String, String> request = OAuthDriver.request(client, null, null);
        String cookie = OAuthDriver.signIn(tenant.email(), request);

        given().redirects().follow(false).cookie("leadline_oauth_session", cookie).formParams(request)
                .formParam("csrf_token", "forged").formParam("organization_id", tenant.organizationId())
                .formParam("decision", "approve").post("/oauth2/authorize/")
                .then().statusCode(403).header("Location", nullValue());
        given().redirects().follow(false).cookie("leadline_oauth_session", cookie + "x").queryParams(request)
                .get("/oauth2/authorize/").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("name=\"password\""));

        String page = given().cookie("leadline_oauth_session", cookie).queryParams(request).get("/oauth2/authorize/")
                .then().statusCode(200).header("X-Frame-Options", "DENY").extract().asString();
        String csrf = page.replaceAll("(?s).*name=\"csrf_token\" value=\"([^\"]+)\".*", "$1");
        Response denied = given().redirects().follow(false).cookie("leadline_oauth_session", cookie)
                .formParams(request).formParam("csrf_token", csrf).formParam("decision", "deny")
                .post("/oauth2/authorize/");
        denied.then().statusCode(303);
        Map<String, String> answer = OAuthDriver.query(denied.header("Location"));
        assertTrue(denied.header("Location").startsWith(OAuthDriver.REDIRECT + "?"));
        assertEquals("access_denied", answer.get("error"));
        assertEquals(request.get("state"), answer.get("state"));
    }

    @Test
    void aWrongPasswordSignsNobodyIn() {
        Tenant tenant = signedUp("Password Org");
        Client client = OAuthDriver.operatorClient(false);
        given().redirects().follow(false).formParams(OAuthDriver.request(client, null, null))
                .formParam("email", tenant.email()).formParam("password", "not the password")
                .post("/oauth2/authorize/sign-in/")
                .then().statusCode(200).header("Set-Cookie", nullValue())
                .body(org.hamcrest.Matchers.containsString("Wrong email or password."));
        given().header("Authorization", "Bearer " + GatewayTestProfile.OPERATOR_TOKEN)
                .contentType("application/json").body(Map.of("password", "short"))
                .put("/admin/v1/users/" + tenant.userId() + "/password").then().statusCode(400);
        given().header("Authorization", "Bearer " + GatewayTestProfile.OPERATOR_TOKEN)
                .contentType("application/json").body(Map.of("password", OAuthDriver.PASSWORD))
                .put("/admin/v1/users/user_unknown/password").then().statusCode(404);
    }

    @Test
    void onlyAnAdminsAccessTokenAddsMembersAsAtClose() {
        Tenant admin = signedUp("Membership Org");
        Tenant member = Tenants.member(admin, "Mo", "Member", "user");
        OAuthDriver.setPassword(member);
        Client client = OAuthDriver.operatorClient(false);
        String adminToken = OAuthDriver.redeem(client,
                OAuthDriver.code(admin, client, OAuthDriver.request(client, null, null)), null).path("access_token");
        String memberToken = OAuthDriver.redeem(client,
                OAuthDriver.code(member, client, OAuthDriver.request(client, null, null)), null).path("access_token");
        Map<String, String> invitation = Map.of("email", "new-" + System.nanoTime() + "@example.com",
                "role_id", "superuser");

        admin.api().contentType("application/json").body(invitation).post("/api/v1/membership/")
                .then().statusCode(403).body("error", startsWith("This endpoint is available to OAuth"));
        bearer(memberToken).contentType("application/json").body(invitation).post("/api/v1/membership/")
                .then().statusCode(403);
        bearer(adminToken).contentType("application/json").body(Map.of("email", "not an email"))
                .post("/api/v1/membership/")
                .then().statusCode(400)
                .body("field-errors.email", notNullValue())
                .body("field-errors.role_id", notNullValue());

        String userId = bearer(adminToken).contentType("application/json").body(invitation)
                .post("/api/v1/membership/")
                .then().statusCode(200)
                .body("id", startsWith("memb_"))
                .body("organization_id", equalTo(admin.organizationId()))
                .body("role_id", equalTo("superuser"))
                .body("user_email", equalTo(invitation.get("email")))
                .extract().path("user_id");
        admin.api().get("/api/v1/user/" + userId + "/").then().statusCode(200);
        bearer(adminToken).contentType("application/json").body(invitation).post("/api/v1/membership/")
                .then().statusCode(400).body("field-errors.email", notNullValue());
    }

    private static Tenant signedUp(String name) {
        Tenant tenant = Tenants.create(name);
        OAuthDriver.setPassword(tenant);
        return tenant;
    }

    private static io.restassured.specification.RequestSpecification bearer(String token) {
        return given().header("Authorization", "Bearer " + token);
    }
}
