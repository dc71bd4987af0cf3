package io.leadline.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

@ConfigMapping(prefix = "leadline.gateway")
public interface GatewayConfig {

    /** The bearer secret of {@code /admin/v1/*}. */
    String operatorToken();

    /** Upstream name (crm-core, activities, ...) → base URL. */
    Map<String, String> upstream();

    /** Upstream name → comma list of the first path segments after {@code /api/v1/} it owns. */
    Map<String, String> routes();

    RateLimit rateLimit();

    /** How long a verified API key is trusted without asking the database again. */
    @WithDefault("60s")
    Duration apiKeyCacheTtl();

    @WithDefault("2s")
    Duration upstreamConnectTimeout();

    /** Longest silence from an upstream before the gateway gives up on the request. */
    @WithDefault("60s")
    Duration upstreamIdleTimeout();

    @WithDefault("10s")
    Duration provisionTimeout();

    interface RateLimit {

        @WithDefault("100")
        int keyLimit();

        @WithDefault("1s")
        Duration window();

        @WithDefault("3")
        int organizationMultiplier();
    }
}
