package io.leadline.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "leadline.gateway")
public interface GatewayConfig {

    /** The bearer secret of {@code /admin/v1/*}; at least 32 characters, or the gateway refuses to start. */
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

    /**
     * How long the gateway keeps an idle pooled connection to a service. Shorter than the services' own idle timeout
     * (quarkus.http.idle-timeout, 75 s in platform's defaults), so the gateway closes idle connections first and never
     * sends a request down a connection the service is closing.
     */
    @WithDefault("20s")
    Duration upstreamKeepAliveTimeout();

    /** Largest body of an {@code x-http-method-override: GET} POST, which only carries {@code _params}. */
    @WithDefault("8192")
    int methodOverrideMaxBodyBytes();

    @WithDefault("10s")
    Duration provisionTimeout();

    FailedAuthentication failedAuthentication();

    OAuth oauth();

    /** The OAuth 2.0 authorization server (package oauth). */
    interface OAuth {

        /** How long an authorization code may be redeemed (RFC 6749 recommends at most 10 minutes). */
        @WithDefault("60s")
        Duration codeLifetime();

        /** The {@code expires_in} of access tokens; Close answers 3600. */
        @WithDefault("1h")
        Duration accessTokenLifetime();

        /** How long an unused refresh token stays valid; each use rotates it and starts the period anew. */
        @WithDefault("90d")
        Duration refreshTokenLifetime();

        /** How long a sign-in on the authorization page lasts (the session cookie). */
        @WithDefault("1h")
        Duration sessionLifetime();

        /**
         * The HMAC key of the session cookie and CSRF tokens (32+ characters). Without it every start picks a random
         * one: sessions then end with a restart and do not span replicas.
         */
        Optional<String> sessionKey();

        /**
         * Whether the authorization page offers the password form. Unset: only when no OpenID Connect provider is
         * configured ({@link Oidc#enabled()}), so a deployment with a provider signs people in there alone.
         */
        Optional<Boolean> localSignIn();

        Oidc oidc();
    }

    /**
     * The deployment's OpenID Connect provider for signing in on the authorization page (quarkus-oidc tenant
     * {@code signin}, application.properties maps these keys onto it). The API's Bearer tokens are unaffected.
     */
    interface Oidc {

        @WithDefault("false")
        boolean enabled();

        /** The provider's issuer URL, e.g. {@code https://sso.example.com/realms/acme}. */
        Optional<String> authServerUrl();

        Optional<String> clientId();

        Optional<String> clientSecret();

        /** How the sign-in button names the provider. */
        @WithDefault("your organization's sign-in")
        String providerName();
    }

    /** Throttling of failed authentication, per client address, for API keys and the operator token alike. */
    interface FailedAuthentication {

        /** Failed attempts one address may make within {@link #window()} before it is answered 429. */
        @WithDefault("20")
        int maxPerAddress();

        /** Failed operator-token attempts one address may make within {@link #window()}. */
        @WithDefault("5")
        int maxOperatorPerAddress();

        @WithDefault("60s")
        Duration window();

        /** At most this many addresses are tracked; the least recently used beyond it are forgotten. */
        @WithDefault("100000")
        int maxTrackedAddresses();

        /** How long an API key id that is unknown (or was presented with a wrong secret) is answered from memory. */
        @WithDefault("30s")
        Duration negativeCacheTtl();

        @WithDefault("10000")
        int negativeCacheSize();
    }

    interface RateLimit {

        @WithDefault("100")
        int keyLimit();

        @WithDefault("1s")
        Duration window();

        @WithDefault("3")
        int organizationMultiplier();
    }
}
