package io.leadline.gateway.proxy;

import java.net.URI;

/** A service behind the gateway. {@code origin} is what its absolute Location headers start with. */
public record Upstream(String name, String baseUrl, String origin) {

    public static Upstream of(String name, String url) {
        URI uri = URI.create(url.trim());
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("upstream " + name + " needs an absolute http URL, got " + url);
        }
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return new Upstream(name, origin + path, origin);
    }
}
