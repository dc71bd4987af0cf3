package io.leadline.gateway.oauth;

import io.leadline.gateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Which ways of signing in the authorization page offers, as this deployment configured them. */
@ApplicationScoped
public class SignInOptions {

    @Inject
    GatewayConfig config;

    /** Whether an OpenID Connect provider signs people in. */
    public boolean provider() {
        return config.oauth().oidc().enabled();
    }

    public String providerName() {
        return config.oauth().oidc().providerName();
    }

    /** Whether the password form is offered: by default only when there is no provider. */
    public boolean passwords() {
        return config.oauth().localSignIn().orElse(!provider());
    }
}
