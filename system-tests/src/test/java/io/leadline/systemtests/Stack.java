package io.leadline.systemtests;

import io.leadline.devstack.Devstack;
import io.leadline.devstack.DevstackOptions;
import io.leadline.devstack.RunningStack;
import io.leadline.devstack.ServiceModule;
import io.leadline.embedded.FreePorts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The real stack every system test talks to: embedded PostgreSQL and Kafka plus the five services as processes,
 * started once per test JVM by devstack, exactly as {@code ./run} starts it, on free ports; and a real Keycloak the
 * gateway's authorization page signs people in through.
 */
final class Stack {

    /** Small enough that a test can exceed it quickly, large enough that no other test comes near it. */
    static final int KEY_RATE_LIMIT = 60;
    static final int RATE_WINDOW_SECONDS = 10;

    private static RunningStack running;
    private static KeycloakServer keycloak;

    private Stack() {
    }

    static synchronized RunningStack get() {
        if (running == null) {
            DevstackOptions defaults = DevstackOptions.forTests();
            // the gateway's port is chosen here: Keycloak's realm must know the redirect URI before either starts
            int gatewayPort = FreePorts.pick();
            Map<ServiceModule, Integer> ports = new EnumMap<>(defaults.servicePorts());
            ports.put(ServiceModule.GATEWAY, gatewayPort);
            // Keycloak boots (about 20 s) while the stack does; the gateway's sign-in tenant connects to it lazily
            keycloak = KeycloakServer.start(gatewayPort);
            Runtime.getRuntime().addShutdownHook(new Thread(keycloak::close, "system-tests-keycloak-stop"));
            List<String> jvmOptions = new ArrayList<>(defaults.jvmOptions());
            // sign-in through Keycloak (KeycloakSignInIT), and the password form kept for OAuthIT
            jvmOptions.add("-Dleadline.gateway.oauth.oidc.enabled=true");
            jvmOptions.add("-Dleadline.gateway.oauth.oidc.auth-server-url=" + keycloak.issuer());
            jvmOptions.add("-Dleadline.gateway.oauth.oidc.client-id=" + KeycloakServer.CLIENT_ID);
            jvmOptions.add("-Dleadline.gateway.oauth.oidc.client-secret=" + KeycloakServer.CLIENT_SECRET);
            jvmOptions.add("-Dleadline.gateway.oauth.oidc.provider-name=Keycloak");
            jvmOptions.add("-Dleadline.gateway.oauth.local-sign-in=true");
            jvmOptions.add("-Dleadline.gateway.rate-limit.key-limit=" + KEY_RATE_LIMIT);
            jvmOptions.add("-Dleadline.gateway.rate-limit.window=" + RATE_WINDOW_SECONDS + "s");
            // webhooks (WebhooksIT): retries within a second, a subscription failing for 8 s pauses (production: 3 days),
            // a delivery claimed by a killed events-service is claimed again after 6 s
            jvmOptions.add("-Dleadline.webhooks.initial-backoff=200ms");
            jvmOptions.add("-Dleadline.webhooks.max-backoff=1s");
            jvmOptions.add("-Dleadline.webhooks.pause-after=8s");
            jvmOptions.add("-Dleadline.webhooks.timeout=3s");
            jvmOptions.add("-Dleadline.webhooks.lease=6s");
            // Generous: five JVMs booting at once on two cores take a while when the machine is busy.
            running = Devstack.start(defaults.withPorts(defaults.postgresPort(), defaults.kafkaPort(), ports)
                    .withJvmOptions(jvmOptions).withReadyTimeout(Duration.ofMinutes(4)));
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, "system-tests-stack-stop"));
            keycloak.awaitReady(Duration.ofMinutes(3));
        }
        return running;
    }

    /** The identity provider the gateway's sign-in page offers (started with the stack). */
    static synchronized KeycloakServer keycloak() {
        get();
        return keycloak;
    }
}
