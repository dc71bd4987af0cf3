package io.leadline.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How to start the stack. A port of 0 means "pick a free one". {@code externalDatabase}, {@code externalKafka} and
 * {@code operatorToken} may be null (embedded servers, generated token). They are read from the environment under
 * the same names the services read (README, Configuration): LEADLINE_DB_HOST/PORT/USER/PASSWORD,
 * KAFKA_BOOTSTRAP_SERVERS, LEADLINE_GATEWAY_OPERATOR_TOKEN.
 */
public record DevstackOptions(
        Path projectRoot,
        Path workDir,
        int postgresPort,
        int kafkaPort,
        Map<ServiceModule, Integer> servicePorts,
        DatabaseAddress externalDatabase,
        String externalKafka,
        String operatorToken,
        List<String> jvmOptions,
        Duration readyTimeout,
        boolean startServices,
        boolean seedDemo,
        boolean verbose) {

    private static final String DEFAULT_JVM_OPTIONS =
            "-XX:+UseSerialGC -Xms32m -Xmx192m -XX:MaxMetaspaceSize=128m -Xss512k";

    public DevstackOptions {
        servicePorts = Map.copyOf(servicePorts);
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** What ./run uses: fixed, memorable ports and a work dir under target/. */
    public static DevstackOptions defaults() {
        Path root = ProjectRoot.locate();
        Map<ServiceModule, Integer> ports = new EnumMap<>(ServiceModule.class);
        for (ServiceModule module : ServiceModule.values()) {
            ports.put(module, module.defaultPort());
        }
        return new DevstackOptions(root, root.resolve("target/devstack"), 15432, 19092, ports,
                DatabaseAddress.fromEnvironment(), env("KAFKA_BOOTSTRAP_SERVERS"), env("LEADLINE_GATEWAY_OPERATOR_TOKEN"), jvmOptionsFromEnv(),
                Duration.ofSeconds(60), true, true, true);
    }

    /** Free ports everywhere and a fresh temp work dir, so parallel or leftover stacks never collide. */
    public static DevstackOptions forTests() {
        Map<ServiceModule, Integer> ports = new EnumMap<>(ServiceModule.class);
        for (ServiceModule module : ServiceModule.values()) {
            ports.put(module, 0);
        }
        return defaults().withPorts(0, 0, ports).withWorkDir(tempWorkDir()).withVerbose(false);
    }

    public DevstackOptions withProjectRoot(Path root) {
        return new DevstackOptions(root, workDir, postgresPort, kafkaPort, servicePorts, externalDatabase, externalKafka,
                operatorToken, jvmOptions, readyTimeout, startServices, seedDemo, verbose);
    }

    public DevstackOptions withWorkDir(Path dir) {
        return new DevstackOptions(projectRoot, dir, postgresPort, kafkaPort, servicePorts, externalDatabase,
                externalKafka, operatorToken, jvmOptions, readyTimeout, startServices, seedDemo, verbose);
    }

    public DevstackOptions withPorts(int postgres, int kafka, Map<ServiceModule, Integer> services) {
        return new DevstackOptions(projectRoot, workDir, postgres, kafka, services, externalDatabase, externalKafka,
                operatorToken, jvmOptions, readyTimeout, startServices, seedDemo, verbose);
    }

    public DevstackOptions withExternal(DatabaseAddress database, String kafkaBootstrap) {
        return new DevstackOptions(projectRoot, workDir, postgresPort, kafkaPort, servicePorts, database, kafkaBootstrap,
                operatorToken, jvmOptions, readyTimeout, startServices, seedDemo, verbose);
    }

    public DevstackOptions withOperatorToken(String token) {
        return new DevstackOptions(projectRoot, workDir, postgresPort, kafkaPort, servicePorts, externalDatabase,
                externalKafka, token, jvmOptions, readyTimeout, startServices, seedDemo, verbose);
    }

    public DevstackOptions withJvmOptions(List<String> options) {
        return new DevstackOptions(projectRoot, workDir, postgresPort, kafkaPort, servicePorts, externalDatabase,
                externalKafka, operatorToken, options, readyTimeout, startServices, seedDemo, verbose);
    }

    public DevstackOptions withReadyTimeout(Duration timeout) {
        return new DevstackOptions(projectRoot, workDir, postgresPort, kafkaPort, servicePorts, externalDatabase,
                externalKafka, operatorToken, jvmOptions, timeout, startServices, seedDemo, verbose);
    }

    /** Without services only PostgreSQL, Kafka and the keys come up: for infrastructure checks. */
    public DevstackOptions withServices(boolean start, boolean seed) {
        return new DevstackOptions(projectRoot, workDir, postgresPort, kafkaPort, servicePorts, externalDatabase,
                externalKafka, operatorToken, jvmOptions, readyTimeout, start, seed, verbose);
    }

    public DevstackOptions withVerbose(boolean printProgress) {
        return new DevstackOptions(projectRoot, workDir, postgresPort, kafkaPort, servicePorts, externalDatabase,
                externalKafka, operatorToken, jvmOptions, readyTimeout, startServices, seedDemo, printProgress);
    }

    int portOf(ServiceModule module) {
        return servicePorts.getOrDefault(module, 0);
    }

    static String env(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static List<String> jvmOptionsFromEnv() {
        String options = env("LEADLINE_JVM_OPTS");
        return Arrays.asList((options == null ? DEFAULT_JVM_OPTIONS : options).split("\\s+"));
    }

    private static Path tempWorkDir() {
        try {
            return Files.createTempDirectory("leadline-devstack-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
