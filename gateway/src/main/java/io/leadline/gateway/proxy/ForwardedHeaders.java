package io.leadline.gateway.proxy;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Who the client is and how it reached the gateway, as the gateway tells the services. Whatever a client says about
 * itself in {@code Forwarded}, {@code X-Forwarded-*} or {@code X-Real-IP} is dropped; the gateway's own values come
 * from the connection, or from a load balancer in front only when Quarkus trusts it (quarkus.http.proxy.*: then
 * {@link HttpServerRequest#remoteAddress()}, {@code scheme()} and {@code authority()} already carry its values).
 */
final class ForwardedHeaders {

    private static final CharSequence FORWARDED = HttpHeaders.createOptimized("forwarded");
    private static final CharSequence X_REAL_IP = HttpHeaders.createOptimized("x-real-ip");
    private static final CharSequence X_FORWARDED_FOR = HttpHeaders.createOptimized("x-forwarded-for");
    private static final CharSequence X_FORWARDED_PROTO = HttpHeaders.createOptimized("x-forwarded-proto");
    private static final CharSequence X_FORWARDED_HOST = HttpHeaders.createOptimized("x-forwarded-host");
    private static final String X_FORWARDED_PREFIX = "x-forwarded-";

    private ForwardedHeaders() {
    }

    /** Replaces every forwarding header in {@code headers} (a copy of the client's) with the gateway's. */
    static void replace(MultiMap headers, HttpServerRequest in) {
        headers.remove(FORWARDED).remove(X_REAL_IP);
        List<String> clientSent = null;
        for (String name : headers.names()) {
            if (name.length() > X_FORWARDED_PREFIX.length()
                    && name.regionMatches(true, 0, X_FORWARDED_PREFIX, 0, X_FORWARDED_PREFIX.length())) {
                if (clientSent == null) {
                    clientSent = new ArrayList<>(2);
                }
                clientSent.add(name);
            }
        }
        if (clientSent != null) {
            clientSent.forEach(headers::remove);
        }
        SocketAddress client = in.remoteAddress();
        if (client != null && client.hostAddress() != null) {
            headers.set(X_FORWARDED_FOR, client.hostAddress());
        }
        headers.set(X_FORWARDED_PROTO, in.scheme());
        String host = host(in);
        if (host != null) {
            headers.set(X_FORWARDED_HOST, host);
        }
    }

    /** The host (and port) the client addressed, as Quarkus resolved it; null when the request named none. */
    static String host(HttpServerRequest in) {
        HostAndPort authority = in.authority();
        if (authority == null) {
            return null;
        }
        String host = authority.host().toLowerCase(Locale.ROOT);
        return authority.port() > 0 ? host + ":" + authority.port() : host;
    }
}
