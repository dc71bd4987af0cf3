package io.leadline.gateway.proxy;

import io.leadline.gateway.GatewayConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Which service owns a path: decided by the first segment after {@code /api/v1/} (leadline.gateway.routes.*). */
@ApplicationScoped
@Startup // a route naming no upstream fails the start, not the first request
public class RouteTable {

    public static final String CRM_CORE = "crm-core";

    private final Map<String, Upstream> upstreams = new HashMap<>();
    private final Map<String, Upstream> byPrefix = new HashMap<>();

    @Inject
    public RouteTable(GatewayConfig config) {
        config.upstream().forEach((name, url) -> upstreams.put(name, Upstream.of(name, url)));
        config.routes().forEach((name, prefixes) -> {
            Upstream upstream = upstreams.get(name);
            if (upstream == null) {
                throw new IllegalStateException("leadline.gateway.routes." + name + " names no configured upstream");
            }
            for (String prefix : prefixes.split(",")) {
                if (!prefix.isBlank()) {
                    byPrefix.put(prefix.trim(), upstream);
                }
            }
        });
    }

    public Optional<Upstream> forPrefix(String prefix) {
        return Optional.ofNullable(byPrefix.get(prefix));
    }

    public Upstream named(String name) {
        Upstream upstream = upstreams.get(name);
        if (upstream == null) {
            throw new IllegalStateException("no upstream named " + name + " (leadline.gateway.upstream." + name + ")");
        }
        return upstream;
    }
}
