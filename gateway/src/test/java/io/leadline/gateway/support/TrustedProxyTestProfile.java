package io.leadline.gateway.support;

import java.util.HashMap;
import java.util.Map;

/**
 * The gateway behind a load balancer it trusts (the tests' own address, 127.0.0.1): X-Forwarded-For/-Proto/-Host
 * from it count. Each test claims client addresses of its own, so the low failure limits here never mix tests up.
 */
public class TrustedProxyTestProfile extends GatewayTestProfile {

    public static final int MAX_FAILURES = 3;
    public static final int MAX_OPERATOR_FAILURES = 2;

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("quarkus.http.proxy.proxy-address-forwarding", "true");
        overrides.put("quarkus.http.proxy.allow-x-forwarded", "true");
        overrides.put("quarkus.http.proxy.enable-forwarded-host", "true");
        overrides.put("quarkus.http.proxy.trusted-proxies", "127.0.0.1");
        overrides.put("leadline.gateway.failed-authentication.max-per-address", Integer.toString(MAX_FAILURES));
        overrides.put("leadline.gateway.failed-authentication.max-operator-per-address",
                Integer.toString(MAX_OPERATOR_FAILURES));
        return overrides;
    }
}
