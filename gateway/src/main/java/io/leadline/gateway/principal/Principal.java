package io.leadline.gateway.principal;

import io.vertx.ext.web.RoutingContext;

/** Who an authenticated /api request acts as. */
public record Principal(String organizationId, String userId, String userName, String apiKeyId, String role) {

    private static final String KEY = "leadline.principal";

    public void attachTo(RoutingContext context) {
        context.put(KEY, this);
    }

    /** The principal the edge handler attached; null only for requests that never passed it. */
    public static Principal of(RoutingContext context) {
        return context.get(KEY);
    }
}
