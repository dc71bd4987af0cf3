package io.leadline.platform.wire;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Answers a request whose declared body exceeds {@code quarkus.http.limits.max-body-size} with Close's error shape.
 * Quarkus refuses such a request too, but with an empty 413 that a Close client can't read; this route runs just
 * before Quarkus' own check, on the same {@code Content-Length}, and closes the connection (the client may still be
 * sending). A chunked body over the limit is refused while it is read and reaches {@link CloseExceptionMappers}.
 */
@Singleton
public class BodySizeLimit {

    private static final Logger LOG = Logger.getLogger(BodySizeLimit.class);
    private static final String MESSAGE = "The request body is too large: the limit is %d bytes.";

    void install(@Observes Router router) {
        ConfigProvider.getConfig().getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .ifPresent(limit -> router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                        .handler(context -> refuseOversized(context, limit.asLongValue())));
    }

    private static void refuseOversized(RoutingContext context, long limit) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && exceeds(declared, limit)) {
            LOG.debugf("Refused a body of %s bytes (limit %d)", declared, limit);
            context.response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(new JsonObject().put("error", MESSAGE.formatted(limit)).encode());
            return;
        }
        context.next();
    }

    private static boolean exceeds(String declared, long limit) {
        try {
            return Long.parseLong(declared.trim()) > limit;
        } catch (NumberFormatException malformed) {
            return false; // the HTTP layer refuses a malformed Content-Length itself
        }
    }
}
