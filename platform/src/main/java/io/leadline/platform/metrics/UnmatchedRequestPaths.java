package io.leadline.platform.metrics;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The {@code uri} tag of the HTTP server metrics for a request Quarkus REST never matched to a resource: refused by
 * the HTTP security checks (401), or answered before routing. Micrometer would tag those with the raw path, one
 * series per object id (and, past its URI tag limit, no series at all). This route runs first and names a constant
 * template; Quarkus REST replaces it with the resource's own (/api/v1/lead/{id}/) when it matches.
 */
@ApplicationScoped
public class UnmatchedRequestPaths {

    // read by Quarkus' Micrometer binder from the request's duplicated context; Quarkus REST sets it on a match
    private static final String TEMPLATE_KEY = "UrlPathTemplate";
    // before the HTTP security handlers and any application route
    private static final int ORDER = -2_000;

    void register(@Observes Router router) {
        router.route("/api/*").order(ORDER).handler(context -> tag(context, "/api/{path}"));
        router.route("/internal/*").order(ORDER).handler(context -> tag(context, "/internal/{path}"));
    }

    private static void tag(RoutingContext context, String template) {
        Context current = Vertx.currentContext();
        if (current != null) {
            current.putLocal(TEMPLATE_KEY, template);
        }
        context.next();
    }
}
