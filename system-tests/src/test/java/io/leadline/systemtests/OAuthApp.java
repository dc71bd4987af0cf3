package io.leadline.systemtests;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * A third-party app registered with the gateway as a public client (PKCE): what it sends a person to, and how it
 * turns the code it gets back into tokens. Its callback is a path nobody serves: the browser's URL is what counts.
 */
record OAuthApp(String clientId, String callback) {

    static final String VERIFIER = "system-test-verifier-0123456789-0123456789-abc";

    /** Registers the app dynamically (RFC 7591) with an organization admin's API key. */
    static OAuthApp register(String adminApiKey, String name) {
        String callback = Stack.get().gatewayUrl() + "/oauth-it-callback";
        Response registered = given().baseUri(Stack.get().gatewayUrl()).auth().preemptive().basic(adminApiKey, "")
                .contentType(ContentType.JSON)
                .body(Map.of("client_name", name, "redirect_uris", List.of(callback),
                        "token_endpoint_auth_method", "none"))
                .post("/oauth2/register/");
        registered.then().statusCode(201);
        return new OAuthApp(registered.path("client_id"), callback);
    }

    String authorizeUrl(String state) {
        return Stack.get().gatewayUrl() + "/oauth2/authorize/?response_type=code&client_id=" + clientId
                + "&redirect_uri=" + URLEncoder.encode(callback, StandardCharsets.UTF_8) + "&state=" + state
                + "&scope=all.full_access%20offline_access"
                + "&code_challenge=" + s256(VERIFIER) + "&code_challenge_method=S256";
    }

    Response redeem(String code) {
        return given().baseUri(Stack.get().gatewayUrl()).formParam("grant_type", "authorization_code")
                .formParam("code", code).formParam("client_id", clientId).formParam("redirect_uri", callback)
                .formParam("code_verifier", VERIFIER).post("/oauth2/token/");
    }

    /** A call to the API with an access token. */
    static RequestSpecification bearer(String token) {
        return given().baseUri(Stack.get().gatewayUrl()).basePath("/api/v1")
                .header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    static Map<String, String> query(String location) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
