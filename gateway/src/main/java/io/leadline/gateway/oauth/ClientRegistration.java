package io.leadline.gateway.oauth;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Client metadata as RFC 7591 §2 names it, checked: {@code redirect_uris} (required), {@code client_name},
 * {@code token_endpoint_auth_method} ({@code client_secret_basic} by default, {@code client_secret_post}, or
 * {@code none} for a public client), and {@code grant_types} / {@code response_types} limited to what this server
 * offers. Used by dynamic registration and the operator alike.
 */
record ClientRegistration(String name, List<String> redirectUris, String authMethod) {

    static final String NONE = "none";
    static final Set<String> AUTH_METHODS = Set.of("client_secret_basic", "client_secret_post", NONE);
    static final Set<String> GRANT_TYPES = Set.of("authorization_code", "refresh_token");
    private static final int MAX_URIS = 20;
    private static final int MAX_NAME = 255;
    private static final int MAX_URI = 2000;

    boolean isPublic() {
        return NONE.equals(authMethod);
    }

    static ClientRegistration read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw metadata("The body must be a JSON object of client metadata.");
        }
        JsonNode uris = body.get("redirect_uris");
        if (uris == null || !uris.isArray() || uris.isEmpty() || uris.size() > MAX_URIS) {
            throw redirect("redirect_uris must be a list of 1 to " + MAX_URIS + " URIs.");
        }
        List<String> redirectUris = new ArrayList<>();
        for (JsonNode uri : uris) {
            String problem = !uri.isTextual() || uri.asText().length() > MAX_URI ? "is not a URI"
                    : RedirectUris.problem(uri.asText());
            if (problem != null) {
                throw redirect("Redirect URI " + uri + " " + problem + ".");
            }
            redirectUris.add(uri.asText());
        }
        String name = text(body, "client_name", "");
        if (name.length() > MAX_NAME) {
            throw metadata("client_name may have at most " + MAX_NAME + " characters.");
        }
        String authMethod = text(body, "token_endpoint_auth_method", "client_secret_basic");
        if (!AUTH_METHODS.contains(authMethod)) {
            throw metadata("token_endpoint_auth_method must be one of " + AUTH_METHODS + ".");
        }
        onlyOf(body, "grant_types", GRANT_TYPES);
        onlyOf(body, "response_types", Set.of("code"));
        return new ClientRegistration(name.isBlank() ? "An application" : name.strip(), List.copyOf(redirectUris),
                authMethod);
    }

    private static String text(JsonNode body, String field, String absent) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isTextual()) {
            throw metadata(field + " must be a string.");
        }
        return value.asText();
    }

    private static void onlyOf(JsonNode body, String field, Set<String> allowed) {
        JsonNode values = body.get(field);
        if (values == null || values.isNull()) {
            return;
        }
        if (!values.isArray()) {
            throw metadata(field + " must be a list.");
        }
        for (JsonNode value : values) {
            if (!value.isTextual() || !allowed.contains(value.asText())) {
                throw metadata(field + " may only hold " + allowed + ".");
            }
        }
    }

    private static OAuthException metadata(String description) {
        return new OAuthException(400, "invalid_client_metadata", description);
    }

    private static OAuthException redirect(String description) {
        return new OAuthException(400, "invalid_redirect_uri", description);
    }
}
