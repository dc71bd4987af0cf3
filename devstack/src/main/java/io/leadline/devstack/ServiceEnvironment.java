package io.leadline.devstack;

import io.leadline.embedded.EmbeddedSmtpServer;
import io.leadline.embedded.KeyPairFiles;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment that wires one service into the stack, under the same variable names Kubernetes sets
 * (README, Configuration); everything else comes from the service's own defaults.
 */
final class ServiceEnvironment {

    /**
     * A developer points a webhook at a receiver on this machine at once: plain http and loopback addresses, which
     * production refuses (events-service README, "Webhooks"). The banner says so.
     */
    static final Map<String, String> DEVELOPMENT_WEBHOOK_RECEIVERS = Map.of(
            "LEADLINE_WEBHOOKS_ALLOW_HTTP", "true",
            "LEADLINE_WEBHOOKS_ALLOW_ADDRESSES", "127.0.0.0/8,::1/128");

    private ServiceEnvironment() {
    }

    /**
     * Secrets (the database password, the operator token) travel only here, in the child's environment: a command
     * line is readable by every user of the machine ({@code ps}), an environment only by the process's owner.
     */
    static Map<String, String> of(ServiceModule module, Map<ServiceModule, Integer> ports, int managementPort,
                                  DatabaseServer database, KafkaCluster kafka, KeyPairFiles keys,
                                  String operatorToken, EmbeddedSmtpServer smtp) {
        Map<String, String> environment = new LinkedHashMap<>(database(database));
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(ports.get(module)));
        environment.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        environment.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKey().toString());
        // a developer reads these logs in a terminal; JSON lines are for production collectors
        environment.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        // where a service asks another on a caller's behalf (platform.owner.OwnerApi)
        ports.forEach((service, port) -> {
            if (service != ServiceModule.GATEWAY && service != module) {
                environment.put(serviceUrlVariable(service), "http://127.0.0.1:" + port);
            }
        });
        if (module == ServiceModule.ACTIVITIES) {
            // emails put in the outbox go to the stack's own SMTP server, where the banner says to read them
            environment.put("QUARKUS_MAILER_HOST", smtp.host());
            environment.put("QUARKUS_MAILER_PORT", String.valueOf(smtp.port()));
        }
        if (module == ServiceModule.EVENTS) {
            environment.putAll(DEVELOPMENT_WEBHOOK_RECEIVERS);
        }
        if (module == ServiceModule.GATEWAY) {
            environment.put("SMALLRYE_JWT_SIGN_KEY_LOCATION", keys.privateKey().toString());
            environment.put("LEADLINE_GATEWAY_OPERATOR_TOKEN", operatorToken);
            ports.forEach((upstream, port) -> {
                if (upstream != ServiceModule.GATEWAY) {
                    environment.put(upstreamVariable(upstream), "http://127.0.0.1:" + port);
                }
            });
        }
        return environment;
    }

    private static Map<String, String> database(DatabaseServer database) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("LEADLINE_DB_HOST", database.host());
        environment.put("LEADLINE_DB_PORT", String.valueOf(database.port()));
        environment.put("LEADLINE_DB_USER", database.username());
        environment.put("LEADLINE_DB_PASSWORD", database.password());
        environment.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        return environment;
    }

    private static String serviceUrlVariable(ServiceModule service) {
        return "LEADLINE_SERVICES_" + service.shortName().toUpperCase().replace('-', '_') + "_URL";
    }

    private static String upstreamVariable(ServiceModule upstream) {
        return "LEADLINE_GATEWAY_UPSTREAM_" + upstream.shortName().toUpperCase().replace('-', '_');
    }
}
