package io.leadline.gateway.oauth;

import io.quarkus.oidc.IdToken;
import io.quarkus.oidc.OidcSession;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.net.URI;

/**
 * Sign-in on the authorization page through the deployment's OpenID Connect provider. quarkus-oidc's {@code signin}
 * tenant guards this path (application.properties): a visitor without its session is sent to the provider
 * (authorization-code flow) and comes back here, the authorization request packed in one parameter. Leadline then
 * trusts the provider for one thing only, who the person is ({@link ProviderAccounts}), swaps the provider's session
 * for its own sign-in cookie, and continues to the consent page exactly as after a password sign-in.
 */
@Path(OidcSignInResource.PATH)
public class OidcSignInResource {

    static final String PATH = "/oauth2/authorize/oidc/";

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    OidcSession oidcSession;

    @Inject
    ProviderAccounts accounts;

    @Inject
    SessionCookies sessions;

    @Inject
    SignInOptions options;

    @Inject
    Pages pages;

    @GET
    public Uni<Response> signedIn(@QueryParam("request") String packed, RoutingContext context) {
        AuthorizationRequest request = AuthorizationRequest.unpacked(packed);
        if (!options.provider()) {
            return Uni.createFrom().item(pages.error(404, "Signing in through an identity provider is not set up."));
        }
        boolean verified = idToken.getClaim("email_verified") != null
                && "true".equals(idToken.getClaim("email_verified").toString());
        Uni<ProviderAccounts.SignIn> signIn = accounts.signIn(idToken.getIssuer(), idToken.getSubject(),
                text(idToken.getClaim("email")), verified);
        // the provider's session has done its job either way: Leadline's own cookie (or nothing) takes over
        return signIn.call(ignored -> oidcSession.logout()).map(outcome -> outcome.refusal() != null
                ? pages.signInRefused(request, outcome.refusal())
                : Response.seeOther(URI.create("/oauth2/authorize/?" + request.queryString()))
                        .cookie(sessions.cookie(outcome.userId(), context)).build());
    }

    private static String text(Object claim) {
        if (claim instanceof JsonString json) {
            return json.getString();
        }
        return claim == null ? null : claim.toString();
    }
}
