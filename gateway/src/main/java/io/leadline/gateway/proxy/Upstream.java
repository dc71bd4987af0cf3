package io.leadline.gateway.proxy;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import java.net.URI;

/**
 * A service behind the gateway. {@code origin} is what its absolute Location headers start with; host, port and
 * base path are parsed once here, so a forwarded request never parses a URL again.
 */
public record Upstream(String name, String baseUrl, String origin, String host, int port, boolean ssl,
                       String basePath) {

    public static Upstream of(String name, String url) {
        URI uri = URI.create(url.trim());
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("upstream " + name + " needs an absolute http URL, got " + url);
        }
        boolean ssl = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return new Upstream(name, origin + path, origin, uri.getHost(), port, ssl, path);
    }

    /** Where {@code uri} (path and query, from the gateway's own request) goes on this service. */
    public RequestOptions request(HttpMethod method, String uri) {
        return new RequestOptions().setMethod(method).setHost(host).setPort(port).setSsl(ssl)
                .setURI(basePath.isEmpty() ? uri : basePath + uri);
    }
}
