package io.leadline.gateway.oauth;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of an authorization request (RFC 6749 §4.1.1, RFC 7636 §4.3), carried from the query string through
 * the sign-in and consent forms as hidden fields.
 */
public record AuthorizationRequest(String responseType, String clientId, String redirectUri, String scope,
                                   String state, String codeChallenge, String codeChallengeMethod) {

    /** The parameters as name → value, the absent ones left out (hidden fields, the query string of a redirect). */
    public Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        put(parameters, "response_type", responseType);
        put(parameters, "client_id", clientId);
        put(parameters, "redirect_uri", redirectUri);
        put(parameters, "scope", scope);
        put(parameters, "state", state);
        put(parameters, "code_challenge", codeChallenge);
        put(parameters, "code_challenge_method", codeChallengeMethod);
        return parameters;
    }

    public String queryString() {
        return query(parameters());
    }

    /**
     * The whole request as one opaque value (base64url of its query string), for a trip through the OpenID Connect
     * provider: its own {@code code} and {@code state} parameters must not meet the client's.
     */
    public String packed() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(queryString().getBytes(StandardCharsets.UTF_8));
    }

    /** The request {@link #packed()} carried; a value that is not one gives an empty request (which fails checks). */
    public static AuthorizationRequest unpacked(String packed) {
        Map<String, String> parameters = new LinkedHashMap<>();
        try {
            String query = new String(Base64.getUrlDecoder().decode(packed == null ? "" : packed),
                    StandardCharsets.UTF_8);
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        } catch (IllegalArgumentException malformed) {
            parameters.clear();
        }
        return new AuthorizationRequest(parameters.get("response_type"), parameters.get("client_id"),
                parameters.get("redirect_uri"), parameters.get("scope"), parameters.get("state"),
                parameters.get("code_challenge"), parameters.get("code_challenge_method"));
    }

    /**
     * Where the client waits, checked before anything else: an unknown client or a redirect URI it did not register
     * must never be redirected to (RFC 6749 §4.1.2.1), so those are answered on the page itself.
     */
    String redirectTarget(OAuthClient client) {
        if (client == null) {
            throw new OAuthException(400, "invalid_client", "Unknown client_id.");
        }
        if (redirectUri == null) {
            if (client.redirectUris().size() != 1) {
                throw OAuthException.invalidRequest("redirect_uri is required: the client registered several.");
            }
            return client.redirectUris().get(0);
        }
        if (!client.redirectUris().contains(redirectUri)) {
            throw OAuthException.invalidRequest("redirect_uri is not one the client registered.");
        }
        return redirectUri;
    }

    /** The rest of the request, once the redirect target is known: problems here go back to the client. */
    String checkedScope(OAuthClient client) {
        if (!"code".equals(responseType)) {
            throw new OAuthException(400, "unsupported_response_type", "response_type must be code.");
        }
        if (codeChallenge == null) {
            if (client.isPublic()) {
                throw OAuthException.invalidRequest("A public client must send a PKCE code_challenge (S256).");
            }
            if (codeChallengeMethod != null) {
                throw OAuthException.invalidRequest("code_challenge_method without code_challenge.");
            }
        } else {
            if (!"S256".equals(codeChallengeMethod)) {
                throw OAuthException.invalidRequest("code_challenge_method must be S256.");
            }
            if (!codeChallenge.matches("[A-Za-z0-9_-]{43}")) {
                throw OAuthException.invalidRequest("code_challenge must be BASE64URL(SHA-256(code_verifier)).");
            }
        }
        return Scopes.parse(scope);
    }

    /** {@code target} with the answer's parameters appended to its query. */
    static String redirect(String target, Map<String, String> answer) {
        return target + (target.contains("?") ? "&" : "?") + query(answer);
    }

    private static String query(Map<String, String> parameters) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> query.append(query.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return query.toString();
    }

    private static void put(Map<String, String> parameters, String name, String value) {
        if (value != null && !value.isEmpty()) {
            parameters.put(name, value);
        }
    }
}
