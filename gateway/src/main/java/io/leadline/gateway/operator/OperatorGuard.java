package io.leadline.gateway.operator;

import io.leadline.gateway.GatewayConfig;
import io.leadline.gateway.http.ClientAddress;
import io.leadline.gateway.http.EdgeResponses;
import io.leadline.gateway.http.FailedAttempts;
import io.leadline.gateway.http.MetricsPaths;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The operator token is checked before anything else of an /admin request is looked at: a Vert.x route ahead of
 * Quarkus REST, so no body is read or parsed for a caller without the token. Failures are counted per client address
 * (leadline.gateway.failed-authentication.max-operator-per-address in its window); past that, 429 with Retry-After
 * until the window ends, even for the right token.
 */
@ApplicationScoped
public class OperatorGuard {

    // ahead of Quarkus REST (which would read the body first) and of the HTTP security handlers
    private static final int ORDER = -1_000;

    @Inject
    OperatorAuthorization authorization;

    @Inject
    GatewayConfig config;

    private FailedAttempts failures;

    @PostConstruct
    void createThrottle() {
        GatewayConfig.FailedAuthentication limits = config.failedAuthentication();
        failures = new FailedAttempts(limits.maxOperatorPerAddress(), limits.window(), limits.maxTrackedAddresses());
    }

    void register(@Observes Router router) {
        router.route("/admin/*").order(ORDER).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        // a refused request never reaches Quarkus REST, which would name the template: never tag raw paths (ids)
        MetricsPaths.tag(MetricsPaths.ADMIN);
        String address = ClientAddress.of(context);
        long retryAfter = failures.retryAfterSeconds(address);
        if (retryAfter > 0) {
            EdgeResponses.tooManyFailures(context, retryAfter);
            return;
        }
        if (!authorization.accepts(context.request().getHeader(HttpHeaders.AUTHORIZATION))) {
            failures.record(address);
            EdgeResponses.error(context, 401, OperatorAuthorization.INVALID_TOKEN);
            return;
        }
        context.next();
    }
}
