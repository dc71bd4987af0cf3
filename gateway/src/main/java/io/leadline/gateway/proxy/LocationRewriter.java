package io.leadline.gateway.proxy;

import io.vertx.core.http.HttpServerRequest;

/**
 * Services build absolute Locations from their own address; clients must only ever see the gateway's. The gateway's
 * origin is the scheme and authority of the client's request as Quarkus resolved them: a client's own
 * {@code X-Forwarded-Host}/{@code -Proto} count only when they came through a trusted proxy (quarkus.http.proxy.*).
 */
public final class LocationRewriter {

    private LocationRewriter() {
    }

    public static String rewrite(String location, Upstream upstream, HttpServerRequest request) {
        if (location == null || !location.startsWith(upstream.origin())) {
            return location;
        }
        String rest = location.substring(upstream.origin().length());
        if (!rest.isEmpty() && rest.charAt(0) != '/' && rest.charAt(0) != '?') {
            return location; // e.g. http://host:80801 is another origin that merely shares a prefix
        }
        String host = ForwardedHeaders.host(request);
        if (host == null) {
            return location;
        }
        return request.scheme() + "://" + host + rest;
    }
}
