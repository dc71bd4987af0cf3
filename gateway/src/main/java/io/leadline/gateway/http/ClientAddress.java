package io.leadline.gateway.http;

import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * The client's address as far as the gateway can tell: the peer of the connection, or, when Quarkus trusts that
 * peer as a proxy (quarkus.http.proxy.*), the address that proxy reported. Headers the client sent are never read
 * here directly.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(RoutingContext context) {
        SocketAddress remote = context.request().remoteAddress();
        if (remote == null) {
            return "unknown";
        }
        String host = remote.hostAddress();
        return host != null ? host : String.valueOf(remote.host());
    }
}
