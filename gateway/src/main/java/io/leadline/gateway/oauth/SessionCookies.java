package io.leadline.gateway.oauth;

import io.leadline.gateway.GatewayConfig;
import io.leadline.platform.id.Ids;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.NewCookie;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

/**
 * The sign-in session of the authorization page: a cookie {@code <user id>.<expiry epoch s>.<nonce>.<HMAC>}, signed
 * with HMAC-SHA256, so the gateway keeps no session state. The consent form's CSRF token is the HMAC of the session's
 * nonce: only a page the gateway rendered for that session knows it.
 */
@ApplicationScoped
public class SessionCookies {

    public static final String NAME = "leadline_oauth_session";
    private static final int MIN_KEY_LENGTH = 32;
    private static final String COOKIE_PATH = "/oauth2/";

    /** A verified session. */
    public record Session(String userId, String nonce) {
    }

    @Inject
    GatewayConfig config;

    @Inject
    Clock clock;

    private byte[] key;

    @PostConstruct
    void loadKey() {
        String configured = config.oauth().sessionKey().orElse(null);
        if (configured != null && configured.length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("leadline.gateway.oauth.session-key must have at least " + MIN_KEY_LENGTH
                    + " characters.");
        }
        if (configured != null) {
            key = configured.getBytes(StandardCharsets.UTF_8);
        } else {
            key = new byte[32];
            new SecureRandom().nextBytes(key);
        }
    }

    public String issue(String userId) {
        long expires = clock.instant().plus(config.oauth().sessionLifetime()).getEpochSecond();
        String payload = userId + "." + expires + "." + Ids.randomBase62(Ids.SHORT_LENGTH);
        return payload + "." + sign(payload);
    }

    /** The signed-in cookie for this user, whichever way they signed in; {@code Secure} when reached over https. */
    public NewCookie cookie(String userId, RoutingContext context) {
        return new NewCookie.Builder(NAME)
                .value(issue(userId))
                .path(COOKIE_PATH)
                .maxAge((int) config.oauth().sessionLifetime().toSeconds())
                .httpOnly(true)
                .secure("https".equals(context.request().scheme()))
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }

    /** The session a cookie proves, or null (absent, forged, expired). */
    public Session read(String cookie) {
        if (cookie == null) {
            return null;
        }
        String[] parts = cookie.split("\\.");
        if (parts.length != 4) {
            return null;
        }
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        if (!Secrets.sameText(sign(payload), parts[3])) {
            return null;
        }
        long expires;
        try {
            expires = Long.parseLong(parts[1]);
        } catch (NumberFormatException forged) {
            return null;
        }
        return clock.instant().getEpochSecond() < expires ? new Session(parts[0], parts[2]) : null;
    }

    public String csrfToken(Session session) {
        return sign("csrf." + session.nonce());
    }

    public boolean validCsrf(Session session, String presented) {
        return presented != null && MessageDigest.isEqual(csrfToken(session).getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
