package io.leadline.gateway.support;

import io.leadline.gateway.support.Tenants.Tenant;
import io.restassured.response.Response;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/**
 * Walks the authorization pages over plain HTTP (the forms' fields as a browser would post them), for tests about the
 * protocol's rules; OAuthFlowTest drives the same pages with a real HTML engine.
 */
public final class OAuthDriver {

    public static final String REDIRECT = "http://127.0.0.1:8765/callback";
    public static final String PASSWORD = "correct horse battery staple";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"");

    /** A registered client: its id, and its secret (null for a public one). */
    public record Client(String id, String secret) {
    }

    private OAuthDriver() {
    }

    public static Client operatorClient(boolean isPublic) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("client_name", "Test App");
        metadata.put("redirect_uris", List.of(REDIRECT, "https://app.example/other"));
        if (isPublic) {
            metadata.put("token_endpoint_auth_method", "none");
        }
        Response created = given().header("Authorization", "Bearer " + GatewayTestProfile.OPERATOR_TOKEN)
                .contentType("application/json").body(metadata).post("/admin/v1/oauth-clients");
        created.then().statusCode(201);
        return new Client(created.path("client_id"), created.path("client_secret"));
    }

    public static void setPassword(Tenant tenant) {
        given().header("Authorization", "Bearer " + GatewayTestProfile.OPERATOR_TOKEN)
                .contentType("application/json").body(Map.of("password", PASSWORD))
                .put("/admin/v1/users/" + tenant.userId() + "/password")
                .then().statusCode(204);
    }

    /** The session cookie of a signed-in user. */
    public static String signIn(String email, Map<String, String> request) {
        Response signedIn = given().redirects().follow(false).formParams(request)
                .formParam("email", email).formParam("password", PASSWORD)
                .post("/oauth2/authorize/sign-in/");
        signedIn.then().statusCode(303);
        return signedIn.cookie("leadline_oauth_session");
    }

    /** The consent form's answer (a redirect) for the request, approved for the organization. */
    public static Response approve(String cookie, Map<String, String> request, String organizationId) {
        String page = given().cookie("leadline_oauth_session", cookie).queryParams(request)
                .get("/oauth2/authorize/").then().statusCode(200).extract().asString();
        Matcher csrf = CSRF.matcher(page);
        if (!csrf.find()) {
            throw new AssertionError("no consent form in " + page);
        }
        return given().redirects().follow(false).cookie("leadline_oauth_session", cookie).formParams(request)
                .formParam("csrf_token", csrf.group(1)).formParam("organization_id", organizationId)
                .formParam("decision", "approve").post("/oauth2/authorize/");
    }

    /** An authorization request for the client with a PKCE challenge for {@code verifier}. */
    public static Map<String, String> request(Client client, String scope, String verifier) {
        Map<String, String> request = new HashMap<>();
        request.put("response_type", "code");
        request.put("client_id", client.id());
        request.put("redirect_uri", REDIRECT);
        request.put("state", "st-" + System.nanoTime());
        if (scope != null) {
            request.put("scope", scope);
        }
        if (verifier != null) {
            request.put("code_challenge", s256(verifier));
            request.put("code_challenge_method", "S256");
        }
        return request;
    }

    /** The query parameters of a redirect's Location. */
    public static Map<String, String> query(String location) {
        Map<String, String> parameters = new HashMap<>();
        String raw = URI.create(location).getRawQuery();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    /** A code for the tenant's user, approved in the tenant's organization. */
    public static String code(Tenant tenant, Client client, Map<String, String> request) {
        String cookie = signIn(tenant.email(), request);
        Response approved = approve(cookie, request, tenant.organizationId());
        approved.then().statusCode(303);
        return query(approved.header("Location")).get("code");
    }

    public static Response redeem(Client client, String code, String verifier) {
        var spec = given().formParam("grant_type", "authorization_code").formParam("code", code)
                .formParam("redirect_uri", REDIRECT).formParam("client_id", client.id());
        if (client.secret() != null) {
            spec = spec.formParam("client_secret", client.secret());
        }
        if (verifier != null) {
            spec = spec.formParam("code_verifier", verifier);
        }
        return spec.post("/oauth2/token/");
    }

    public static Response refresh(Client client, String refreshToken) {
        return given().auth().preemptive().basic(client.id(), client.secret())
                .formParam("grant_type", "refresh_token").formParam("refresh_token", refreshToken)
                .post("/oauth2/token/");
    }

    public static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
