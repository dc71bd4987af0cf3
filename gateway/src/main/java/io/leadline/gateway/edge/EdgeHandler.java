package io.leadline.gateway.edge;

import io.leadline.gateway.GatewayConfig;
import io.leadline.gateway.http.ClientAddress;
import io.leadline.gateway.http.EdgeResponses;
import io.leadline.gateway.http.FailedAttempts;
import io.leadline.gateway.http.MetricsPaths;
import io.leadline.gateway.http.RequestIds;
import io.leadline.gateway.principal.Principal;
import io.leadline.gateway.proxy.ApiProxy;
import io.leadline.gateway.proxy.MethodOverride;
import io.leadline.gateway.proxy.RouteTable;
import io.leadline.gateway.proxy.Upstream;
import io.leadline.gateway.oauth.AccessTokens;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.Set;

/**
 * The front door of every /api request, ahead of anything else: request id, authentication (an API key, or an OAuth
 * access token as {@code Bearer}), rate limits, the token's scope, then either the gateway's own endpoints (Quarkus
 * REST, next route) or the proxy to the owning service. Dynamic OAuth client registration passes the same door.
 */
@ApplicationScoped
public class EdgeHandler {

    private static final Logger LOG = Logger.getLogger(EdgeHandler.class);
    private static final String API_V1 = "/api/v1/";
    // ahead of Quarkus REST and of the HTTP security handlers
    private static final int ORDER = -1_000;
    /** Path prefixes the gateway answers itself (identity); everything else belongs to a service. */
    private static final Set<String> LOCAL_PREFIXES = Set.of("me", "organization", "user", "membership", "role", "group");
    private static final String UNAUTHORIZED = "The API key is missing or invalid. Authenticate with HTTP Basic, "
            + "using your API key as the username and an empty password.";
    private static final String BEARER_UNAUTHORIZED = "The access token is invalid, expired or revoked.";
    private static final String READ_ONLY = "This access token's scope (all.read_only) only allows reading.";
    private static final String BEARER = "bearer ";

    @Inject
    ApiKeyAuthenticator authenticator;

    @Inject
    AccessTokens accessTokens;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    RouteTable routes;

    @Inject
    ApiProxy proxy;

    @Inject
    GatewayConfig config;

    private FailedAttempts failures;

    @PostConstruct
    void createThrottle() {
        GatewayConfig.FailedAuthentication limits = config.failedAuthentication();
        failures = new FailedAttempts(limits.maxPerAddress(), limits.window(), limits.maxTrackedAddresses());
    }

    void register(@Observes Router router) {
        router.route("/api/*").order(ORDER).handler(this::handle);
        // RFC 7591: an organization admin's API key or access token is the initial access credential
        router.route("/oauth2/register*").order(ORDER).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        RequestIds.assign(context);
        MetricsPaths.tag(MetricsPaths.ANY);
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.length() > BEARER.length()
                && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            authenticate(context, Uni.createFrom().deferred(() ->
                    accessTokens.authenticate(authorization.substring(BEARER.length()).trim())), true);
            return;
        }
        Optional<String> apiKey = BasicCredentials.apiKey(authorization);
        if (apiKey.isEmpty()) {
            EdgeResponses.error(context, 401, UNAUTHORIZED);
            return;
        }
        // the common case, a key seen within the TTL: no database, no Uni, nothing to wait for
        Principal recent = authenticator.verifiedRecently(apiKey.get());
        if (recent != null) {
            admit(context, recent);
            return;
        }
        authenticate(context, Uni.createFrom().deferred(() -> authenticator.authenticate(apiKey.get())), false);
    }

    /**
     * Waits for a credential's lookup and admits its principal, or answers 401. An address that keeps failing is
     * refused before its credential is even looked at. OAuth access tokens come here directly: they are looked up on
     * every request (no cache), so a revocation counts at once. The lookup is deferred: nothing of it runs for a
     * throttled address.
     */
    private void authenticate(RoutingContext context, Uni<Optional<Principal>> lookup, boolean bearer) {
        String address = ClientAddress.of(context);
        long retryAfter = failures.retryAfterSeconds(address);
        if (retryAfter > 0) {
            EdgeResponses.tooManyFailures(context, retryAfter);
            return;
        }
        // authentication may wait for the database: keep the body from flowing before someone reads it
        context.request().pause();
        lookup.subscribe().with(
                principal -> EdgeResponses.guarded(context, () -> {
                    if (principal.isPresent()) {
                        admit(context, principal.get());
                        return;
                    }
                    failures.record(address);
                    if (bearer) {
                        context.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                    }
                    EdgeResponses.error(context, 401, bearer ? BEARER_UNAUTHORIZED : UNAUTHORIZED);
                }),
                failure -> {
                    RequestIds.toLogContext(context);
                    LOG.error("Credential lookup failed", failure);
                    EdgeResponses.error(context, 503, "Authentication is temporarily unavailable. Please retry later.");
                });
    }

    private void admit(RoutingContext context, Principal principal) {
        RateDecision decision = rateLimiter.acquire(principal.rateLimitBucket(), principal.organizationId());
        context.response().putHeader("RateLimit", decision.header());
        if (!decision.allowed()) {
            context.response().putHeader("Retry-After", Long.toString(decision.wholeSecondsToReset()));
            EdgeResponses.json(context, 429, decision.legacyBody());
            return;
        }
        MethodOverride.Kind override = MethodOverride.of(context.request());
        if (override == MethodOverride.Kind.INVALID) {
            EdgeResponses.error(context, 400, MethodOverride.INVALID_MESSAGE);
            return;
        }
        if (principal.readOnly() && !reads(context.request().method(), override)) {
            EdgeResponses.error(context, 403, READ_ONLY);
            return;
        }
        principal.attachTo(context);
        String path = context.normalizedPath();
        if (!path.startsWith("/api/")) {
            // /oauth2/register/: the gateway's own endpoint
            context.request().resume();
            context.next();
            return;
        }
        String prefix = firstSegment(path);
        if (LOCAL_PREFIXES.contains(prefix)) {
            context.request().resume();
            context.next();
            return;
        }
        Optional<Upstream> upstream = routes.forPrefix(prefix);
        if (upstream.isEmpty()) {
            EdgeResponses.error(context, 404, "Not found.");
            return;
        }
        MetricsPaths.tag(MetricsPaths.of(API_V1, prefix, path));
        proxy.forward(context, principal, upstream.get());
    }

    private static boolean reads(HttpMethod method, MethodOverride.Kind override) {
        return method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS
                || (method == HttpMethod.POST && override == MethodOverride.Kind.GET);
    }

    /** "lead" for /api/v1/lead/x/, "" when the path is not under /api/v1/. */
    static String firstSegment(String path) {
        if (path == null || !path.startsWith(API_V1)) {
            return "";
        }
        int end = path.indexOf('/', API_V1.length());
        return end < 0 ? path.substring(API_V1.length()) : path.substring(API_V1.length(), end);
    }
}
