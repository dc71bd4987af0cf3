package io.leadline.activities.email;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.platform.wire.RequestBody;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A PUT of the organization's outgoing mail server: only the keys sent change (a client may PUT back what it read,
 * whose read-only keys are ignored); the password is write-only, so leaving it out keeps the stored one.
 */
public final class OrganizationSmtpInput {

    static final List<String> START_TLS = List.of("disabled", "optional", "required");
    /** A host name or an IP address (IPv6 in brackets); no scheme, path or spaces. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._\\-]+|\\[[0-9A-Fa-f:.]+\\]");
    private static final Set<String> WRITABLE = Set.of("host", "port", "username", "password", "start_tls", "tls");
    private static final Set<String> READ_ONLY = Set.of("organization_id", "has_password", "updated_by",
            "date_updated");

    final RequestBody body;

    private OrganizationSmtpInput(JsonNode json) {
        this.body = RequestBody.of(json);
        body.fields().forEachRemaining(entry -> {
            if (!WRITABLE.contains(entry.getKey()) && !READ_ONLY.contains(entry.getKey())) {
                body.fail(entry.getKey(), "Unknown field. Allowed: host, port, username, password, start_tls, tls.");
            }
        });
    }

    static OrganizationSmtpInput of(JsonNode json) {
        return new OrganizationSmtpInput(json);
    }

    /**
     * Applies the body to {@code settings} (new or stored) and checks what results: a host, a port (587, or 465
     * with {@code tls}, when never given), and a user name and password together or neither.
     */
    void applyTo(OrganizationSmtp settings) {
        if (body.has("host") || settings.host == null) {
            String host = body.requiredNonBlank("host", RequestBody.NAME_LENGTH);
            if (host != null && !HOST.matcher(host).matches()) {
                body.fail("host", "Must be a host name or an IP address, without a scheme or port.");
            }
            settings.host = host;
        }
        if (body.has("tls")) {
            Boolean tls = body.bool("tls");
            settings.tls = Boolean.TRUE.equals(tls);
        }
        if (body.has("port")) {
            Long port = body.integer("port", 1, 65_535);
            if (port == null && !body.errors().has("port")) {
                body.fail("port", "This field may not be null.");
            }
            settings.port = port == null ? settings.port : port.intValue();
        } else if (settings.port == 0) {
            settings.port = settings.tls ? 465 : 587;
        }
        if (body.has("start_tls")) {
            String startTls = body.choice("start_tls", START_TLS);
            if (startTls == null && !body.errors().has("start_tls")) {
                body.fail("start_tls", "This field may not be null.");
            }
            settings.startTls = startTls == null ? settings.startTls : startTls.toUpperCase(Locale.ROOT);
        } else if (settings.startTls == null) {
            settings.startTls = "OPTIONAL"; // the deployment's default server's setting
        }
        if (body.has("username")) {
            settings.username = blankToNull(body.string("username", RequestBody.NAME_LENGTH));
        }
        if (body.has("password")) {
            settings.password = blankToNull(body.string("password", RequestBody.NAME_LENGTH));
        }
        if ((settings.username == null) != (settings.password == null) && !body.errors().has("username")
                && !body.errors().has("password")) {
            body.fail(settings.username == null ? "username" : "password",
                    "A user name and a password go together (or neither, for a server without login).");
        }
        body.throwIfInvalid();
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
