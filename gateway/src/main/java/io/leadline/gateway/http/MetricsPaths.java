package io.leadline.gateway.http;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code uri} tag of the HTTP server metrics for /api requests. The edge handler is a plain Vert.x route, so
 * Quarkus would tag each request with its raw path: one timer per object id, until the URI tag limit silences the
 * metrics altogether. The template Quarkus REST would set (the "UrlPathTemplate" context local) names the object
 * type instead.
 */
public final class MetricsPaths {

    // read by Quarkus' Micrometer binder (HttpRequestMetric) from the request's duplicated context
    private static final String TEMPLATE_KEY = "UrlPathTemplate";
    public static final String ANY = "/api/{path}";
    /** The operator API before Quarkus REST names the exact template (and for requests it never reaches). */
    public static final String ADMIN = "/admin/{path}";

    /** Only prefixes the gateway serves or routes get here, so these stay as small as the route table. */
    private static final Map<String, String> COLLECTIONS = new ConcurrentHashMap<>();
    private static final Map<String, String> ITEMS = new ConcurrentHashMap<>();

    private MetricsPaths() {
    }

    public static void tag(String template) {
        Context context = Vertx.currentContext();
        if (context != null) {
            context.putLocal(TEMPLATE_KEY, template);
        }
    }

    /** "/api/v1/lead/" for the collection itself, "/api/v1/lead/{path}" for anything below it. */
    public static String of(String apiBase, String prefix, String path) {
        boolean collection = path.length() <= apiBase.length() + prefix.length() + 1;
        return collection
                ? COLLECTIONS.computeIfAbsent(prefix, known -> apiBase + known + "/")
                : ITEMS.computeIfAbsent(prefix, known -> apiBase + known + "/{path}");
    }
}
