package io.leadline.gateway.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

/**
 * What a client may register as a redirect URI: an absolute https URI without a fragment, or http on the loopback
 * interface (a native app or a developer's machine, RFC 8252 §7.3). Requests must then name one exactly.
 */
final class RedirectUris {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private RedirectUris() {
    }

    /** Null when acceptable, else why not. */
    static String problem(String uri) {
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException | NullPointerException malformed) {
            return "is not a URI";
        }
        if (!parsed.isAbsolute() || parsed.getHost() == null) {
            return "must be absolute";
        }
        if (parsed.getRawFragment() != null) {
            return "must not contain a fragment";
        }
        String scheme = parsed.getScheme().toLowerCase();
        if (scheme.equals("https")) {
            return null;
        }
        if (scheme.equals("http") && LOOPBACK.contains(parsed.getHost().toLowerCase())) {
            return null;
        }
        return "must use https (http only for localhost, 127.0.0.1 or [::1])";
    }
}
