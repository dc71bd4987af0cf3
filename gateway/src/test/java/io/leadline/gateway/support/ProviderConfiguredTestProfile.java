package io.leadline.gateway.support;

import java.util.HashMap;
import java.util.Map;

/**
 * A deployment whose people sign in through an OpenID Connect provider, with the password form left at its default.
 * The provider's address answers nothing: what these tests check never reaches it, and a provider that is down must
 * not stop the gateway from starting.
 */
public class ProviderConfiguredTestProfile extends GatewayTestProfile {

    public static final String PROVIDER_NAME = "Acme SSO";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("leadline.gateway.oauth.oidc.enabled", "true");
        overrides.put("leadline.gateway.oauth.oidc.auth-server-url", "http://127.0.0.1:9/realms/acme");
        overrides.put("leadline.gateway.oauth.oidc.client-id", "leadline");
        overrides.put("leadline.gateway.oauth.oidc.client-secret", "acme-client-secret-0123456789abcdef");
        overrides.put("leadline.gateway.oauth.oidc.provider-name", PROVIDER_NAME);
        return overrides;
    }
}
