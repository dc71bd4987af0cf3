package io.leadline.gateway.proxy;

import io.vertx.core.http.HttpServerRequest;

/** Services build absolute Locations from their own address; clients must only ever see the gateway's. */
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
        String host = first(request.getHeader("X-Forwarded-Host"));
        if (host == null) {
            host = request.getHeader("Host");
        }
        if (host == null) {
            return location;
        }
        String scheme = first(request.getHeader("X-Forwarded-Proto"));
        return (scheme != null ? scheme : request.scheme()) + "://" + host + rest;
    }

    private static String first(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        int comma = header.indexOf(',');
        return (comma < 0 ? header : header.substring(0, comma)).trim();
    }
}
