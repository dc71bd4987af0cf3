package io.leadline.devstack;

import io.leadline.platform.testing.KeyPairFiles;

import java.util.LinkedHashMap;
import java.util.Map;

/** The -D settings that wire one service into the stack; everything else comes from its application.properties. */
final class ServiceProperties {

    private ServiceProperties() {
    }

    static Map<String, String> of(ServiceModule module, Map<ServiceModule, Integer> ports, DatabaseServer database,
                                  KafkaCluster kafka, KeyPairFiles keys, String operatorToken) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.http.port", String.valueOf(ports.get(module)));
        properties.put("quarkus.datasource.jdbc.url", database.jdbcUrl(module.database()));
        properties.put("quarkus.datasource.reactive.url", database.reactiveUrl(module.database()));
        properties.put("quarkus.datasource.username", database.username());
        properties.put("quarkus.datasource.password", database.password());
        properties.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        properties.put("mp.jwt.verify.publickey.location", keys.publicKey().toString());
        if (module == ServiceModule.GATEWAY) {
            properties.put("smallrye.jwt.sign.key.location", keys.privateKey().toString());
            properties.put("leadline.gateway.operator-token", operatorToken);
            ports.forEach((upstream, port) -> {
                if (upstream != ServiceModule.GATEWAY) {
                    properties.put("leadline.gateway.upstream." + upstream.shortName(), "http://127.0.0.1:" + port);
                }
            });
        }
        return properties;
    }
}
