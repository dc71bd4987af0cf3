package io.leadline.gateway.oauth;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The server-rendered pages of {@code /oauth2/authorize/} (Qute escapes every value). They are never cached and
 * never framed, so another site cannot overlay the consent buttons (clickjacking).
 */
@ApplicationScoped
public class Pages {

    /** A hidden form field carrying one parameter of the authorization request. */
    @TemplateData
    public record Hidden(String name, String value) {
    }

    /** A scope as the consent page explains it. */
    @TemplateData
    public record ScopeLine(String name, String description) {
    }

    @Inject
    @Location("oauth/sign-in.html")
    Template signIn;

    @Inject
    @Location("oauth/consent.html")
    Template consent;

    @Inject
    @Location("oauth/error.html")
    Template error;

    @Inject
    @Location("oauth/sign-in-refused.html")
    Template signInRefused;

    @Inject
    SignInOptions options;

    Response signIn(AuthorizationRequest request, String message, int status) {
        return html(status, signIn.data("hidden", hidden(request)).data("message", message)
                .data("passwords", options.passwords())
                .data("provider", options.provider() ? options.providerName() : null)
                .data("providerUrl", OidcSignInResource.PATH + "?request=" + request.packed())
                .render());
    }

    /** The provider signed the person in, but Leadline will not: the reason, and a way back to the sign-in. */
    Response signInRefused(AuthorizationRequest request, String reason) {
        return html(403, signInRefused.data("message", reason)
                .data("retryUrl", "/oauth2/authorize/?" + request.queryString()).render());
    }

    Response consent(AuthorizationRequest request, OAuthClient client, String scope,
                     List<OrganizationChoices.Choice> organizations, String csrf) {
        List<ScopeLine> scopes = new ArrayList<>();
        for (String name : scope.split(" ")) {
            scopes.add(new ScopeLine(name, Scopes.DESCRIPTIONS.get(name)));
        }
        return html(200, consent.data("hidden", hidden(request))
                .data("client", client.name())
                .data("scopes", scopes)
                .data("organizations", organizations)
                .data("csrf", csrf)
                .render());
    }

    Response error(int status, String message) {
        return html(status, error.data("message", message).render());
    }

    private static List<Hidden> hidden(AuthorizationRequest request) {
        List<Hidden> fields = new ArrayList<>();
        for (Map.Entry<String, String> parameter : request.parameters().entrySet()) {
            fields.add(new Hidden(parameter.getKey(), parameter.getValue()));
        }
        return fields;
    }

    private static Response html(int status, String body) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
                        + "frame-ancestors 'none'")
                .header("Referrer-Policy", "no-referrer")
                .entity(body).build();
    }
}
