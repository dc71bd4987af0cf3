package io.leadline.gateway.edge;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Close's scheme: {@code Authorization: Basic base64("<api key>:")}, the key as user name, the password empty. */
public final class BasicCredentials {

    private static final String SCHEME = "basic ";

    private BasicCredentials() {
    }

    public static Optional<String> apiKey(String authorization) {
        if (authorization == null || authorization.length() <= SCHEME.length()
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(SCHEME.length()).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        String user = colon < 0 ? decoded : decoded.substring(0, colon);
        return user.isBlank() ? Optional.empty() : Optional.of(user.trim());
    }
}
