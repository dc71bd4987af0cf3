package io.leadline.gateway.oauth;

import io.leadline.gateway.GatewayConfig;
import io.leadline.gateway.http.ClientAddress;
import io.leadline.gateway.http.FailedAttempts;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The authorization endpoint (RFC 6749 §4.1) as web pages: sign in, then approve or deny the client for one of the
 * user's organizations. The request's parameters travel through both forms as hidden fields and are checked again on
 * every step (a form can be edited). Answers go back to the client's registered redirect URI only.
 */
@Path("/oauth2/authorize")
public class AuthorizeResource {

    @Inject
    OAuthClients clients;

    @Inject
    LocalSignIn signIn;

    @Inject
    SessionCookies sessions;

    @Inject
    SignInOptions options;

    @Inject
    OrganizationChoices organizations;

    @Inject
    AuthorizationCodes codes;

    @Inject
    Pages pages;

    @Inject
    GatewayConfig config;

    private FailedAttempts failures;

    @PostConstruct
    void createThrottle() {
        GatewayConfig.FailedAuthentication limits = config.failedAuthentication();
        failures = new FailedAttempts(limits.maxPerAddress(), limits.window(), limits.maxTrackedAddresses());
    }

    @GET
    @Path("/")
    public Uni<Response> show(@QueryParam("response_type") String responseType,
                              @QueryParam("client_id") String clientId,
                              @QueryParam("redirect_uri") String redirectUri, @QueryParam("scope") String scope,
                              @QueryParam("state") String state, @QueryParam("code_challenge") String challenge,
                              @QueryParam("code_challenge_method") String method,
                              @CookieParam(SessionCookies.NAME) String cookie) {
        AuthorizationRequest request = new AuthorizationRequest(responseType, clientId, redirectUri, scope, state,
                challenge, method);
        return checked(request, (client, target, granted) -> {
            SessionCookies.Session session = sessions.read(cookie);
            if (session == null) {
                return Uni.createFrom().item(pages.signIn(request, null, 200));
            }
            return organizations.of(session.userId()).map(choices -> choices.isEmpty()
                    ? pages.error(403, "You are not a member of any organization.")
                    : pages.consent(request, client, granted, choices, sessions.csrfToken(session)));
        });
    }

    @POST
    @Path("/sign-in/")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> signIn(@BeanParam AuthorizationForm form, @FormParam("email") String email,
                                @FormParam("password") String password, RoutingContext context) {
        AuthorizationRequest request = form.request();
        if (!options.passwords()) {
            return Uni.createFrom().item(pages.error(404, "Signing in with a password is turned off here. Go back "
                    + "and sign in with " + options.providerName() + "."));
        }
        String address = ClientAddress.of(context);
        if (failures.retryAfterSeconds(address) > 0) {
            return Uni.createFrom().item(pages.signIn(request, "Too many failed sign-ins. Try again in a minute.",
                    429));
        }
        return checked(request, (client, target, granted) -> signIn.verify(email, password).map(userId -> {
            if (userId == null) {
                failures.record(address);
                return pages.signIn(request, "Wrong email or password.", 200);
            }
            return Response.seeOther(URI.create("/oauth2/authorize/?" + request.queryString()))
                    .cookie(sessions.cookie(userId, context))
                    .build();
        }));
    }

    @POST
    @Path("/")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> decide(@BeanParam AuthorizationForm form, @FormParam("csrf_token") String csrf,
                                @FormParam("organization_id") String organizationId,
                                @FormParam("decision") String decision,
                                @CookieParam(SessionCookies.NAME) String cookie) {
        AuthorizationRequest request = form.request();
        return checked(request, (client, target, granted) -> {
            SessionCookies.Session session = sessions.read(cookie);
            if (session == null) {
                return Uni.createFrom().item(pages.signIn(request, "Your session ended. Please sign in again.", 200));
            }
            if (!sessions.validCsrf(session, csrf)) {
                return Uni.createFrom().item(pages.error(403, "This form has expired or did not come from Leadline. "
                        + "Go back to the application and start again."));
            }
            if (!"approve".equals(decision)) {
                return Uni.createFrom().item(redirect(target, request, Map.of("error", "access_denied",
                        "error_description", "The user denied the request.")));
            }
            return organizations.of(session.userId()).chain(choices -> {
                boolean member = choices.stream().anyMatch(choice -> choice.id().equals(organizationId));
                if (!member) {
                    return Uni.createFrom().item(pages.error(400, "Pick one of your organizations."));
                }
                return codes.issue(client, request, granted, organizationId, session.userId())
                        .map(code -> redirect(target, request, Map.of("code", code)));
            });
        });
    }

    /** What to do with a request whose client, redirect URI and other parameters passed the checks. */
    @FunctionalInterface
    private interface Checked {
        Uni<Response> then(OAuthClient client, String redirectTarget, String scope);
    }

    private Uni<Response> checked(AuthorizationRequest request, Checked next) {
        return clients.find(request.clientId()).chain(client -> {
            String target;
            try {
                target = request.redirectTarget(client);
            } catch (OAuthException refused) {
                return Uni.createFrom().item(pages.error(400, refused.getMessage()));
            }
            String scope;
            try {
                scope = request.checkedScope(client);
            } catch (OAuthException refused) {
                return Uni.createFrom().item(redirect(target, request, Map.of("error", refused.error(),
                        "error_description", refused.getMessage())));
            }
            return next.then(client, target, scope);
        });
    }

    private static Response redirect(String target, AuthorizationRequest request, Map<String, String> answer) {
        Map<String, String> parameters = new LinkedHashMap<>(answer);
        if (request.state() != null) {
            parameters.put("state", request.state());
        }
        return Response.seeOther(URI.create(AuthorizationRequest.redirect(target, parameters)))
                .header("Cache-Control", "no-store").build();
    }
}
