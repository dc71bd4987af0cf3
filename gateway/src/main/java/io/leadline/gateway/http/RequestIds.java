package io.leadline.gateway.http;

import io.leadline.platform.id.Ids;
import io.leadline.platform.security.InternalClaims;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.MDC;

/** One {@code req_…} id per /api request: returned to the client and forwarded to the service. */
public final class RequestIds {

    private static final String KEY = "leadline.request-id";
    /** The MDC key the log format prints ({@code %X{requestId}}). */
    private static final String MDC_KEY = "requestId";

    private RequestIds() {
    }

    public static String assign(RoutingContext context) {
        String id = Ids.shortId("req");
        context.put(KEY, id);
        context.response().putHeader(InternalClaims.REQUEST_ID_HEADER, id);
        return id;
    }

    public static String of(RoutingContext context) {
        return context.get(KEY);
    }

    /**
     * Puts the request's id into the MDC for the log lines that follow. Called only where the gateway is about to
     * log (failures); a request that logs nothing, the normal case, pays nothing for it.
     */
    public static void toLogContext(RoutingContext context) {
        String id = of(context);
        if (id != null) {
            MDC.put(MDC_KEY, id);
        }
    }
}
