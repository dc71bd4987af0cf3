package io.leadline.platform.logging;

import io.leadline.platform.security.InternalClaims;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import java.util.regex.Pattern;

/**
 * Puts the request id the gateway assigned ({@code X-Request-Id}) into the logging MDC before any other handler
 * runs, so every line logged while serving the request carries it: {@code %X{requestId}} in text logs, a
 * {@code requestId} field in JSON logs. Quarkus keeps the MDC in the request's duplicated Vert.x context, so it
 * follows the request across reactive steps and never leaks into the next request on the same thread.
 */
@ApplicationScoped
public class RequestIdMdc {

    public static final String KEY = "requestId";
    // ids are ours (req_ + base62); anything else is not copied into logs, where it could forge lines
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(RequestIdMdc::tag);
    }

    /** For a module that assigns the id itself (the gateway) rather than receiving it. */
    public static void put(String requestId) {
        if (requestId != null && WELL_FORMED.matcher(requestId).matches()) {
            MDC.put(KEY, requestId);
        }
    }

    private static void tag(RoutingContext context) {
        put(context.request().getHeader(InternalClaims.REQUEST_ID_HEADER));
        context.next();
    }
}
