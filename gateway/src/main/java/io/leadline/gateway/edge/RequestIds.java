package io.leadline.gateway.edge;

import io.leadline.platform.id.Ids;
import io.leadline.platform.security.InternalClaims;
import io.vertx.ext.web.RoutingContext;

/** One {@code req_…} id per /api request: returned to the client and forwarded to the service. */
public final class RequestIds {

    private static final String KEY = "leadline.request-id";

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
}
