package io.leadline.gateway.oauth;

/**
 * An error of the OAuth endpoints, answered in RFC 6749's shape ({@code {"error": "invalid_grant",
 * "error_description": …}}) rather than Close's: OAuth client libraries parse that one.
 */
public class OAuthException extends RuntimeException {

    private final String error;
    private final int status;

    public OAuthException(int status, String error, String description) {
        super(description);
        this.status = status;
        this.error = error;
    }

    public static OAuthException invalidRequest(String description) {
        return new OAuthException(400, "invalid_request", description);
    }

    public static OAuthException invalidGrant(String description) {
        return new OAuthException(400, "invalid_grant", description);
    }

    public static OAuthException invalidClient(String description) {
        return new OAuthException(401, "invalid_client", description);
    }

    public static OAuthException invalidScope(String description) {
        return new OAuthException(400, "invalid_scope", description);
    }

    public String error() {
        return error;
    }

    public int status() {
        return status;
    }
}
