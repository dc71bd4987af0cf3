package io.leadline.systemtests;

import io.leadline.embedded.FreePorts;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real Keycloak (keycloak-quarkus-dist, unpacked by the build into target/) run as a process in dev mode, its
 * state in memory: the test realm is imported at every start, nothing survives a stop. Ports are free ones.
 * It answers on {@code localhost}, the gateway on {@code 127.0.0.1}, so the browser keeps their cookies apart.
 */
final class KeycloakServer implements AutoCloseable {

    static final String REALM = "leadline";
    static final String CLIENT_ID = "leadline-gateway";
    /** 32+ characters: quarkus-oidc encrypts its session cookie with the client secret. */
    static final String CLIENT_SECRET = "leadline-gateway-secret-0123456789abcdef";

    private final Process process;
    private final int port;
    private final Path log;
    private final long startedNanos = System.nanoTime();

    private KeycloakServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts Keycloak with the test realm, its client accepting redirects to the gateway at {@code gatewayPort};
     * returns at once ({@link #awaitReady}), so the caller can start other things meanwhile.
     */
    static KeycloakServer start(int gatewayPort) {
        Path home = Path.of(System.getProperty("leadline.keycloak.home", "target/keycloak/keycloak-26.5.6"));
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak at " + home.toAbsolutePath() + ": the system-tests build "
                    + "unpacks it (maven-dependency-plugin, pre-integration-test).");
        }
        int port = FreePorts.pick();
        int managementPort = FreePorts.pick();
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            String realm = resource("keycloak/leadline-realm.json").replace("${gatewayPort}",
                    Integer.toString(gatewayPort)).replace("${clientSecret}", CLIENT_SECRET);
            Files.writeString(imports.resolve(REALM + "-realm.json"), realm);
            Path log = home.resolve("keycloak-" + port + ".log");
            // through bash: the unpacked script need not have kept its executable bit
            ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--db=dev-mem", "--http-host=127.0.0.1", "--http-port=" + port,
                    "--http-management-port=" + managementPort, "--import-realm", "--log-level=warn")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx384m");
            return new KeycloakServer(builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the realm's discovery document answers (a fresh start with import takes about 20 s). */
    KeycloakServer awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        Awaitility.await("Keycloak ready (log: " + log + ")").atMost(timeout).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
                    }
                    try {
                        return http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (IOException notYet) {
                        return false;
                    }
                });
        // its cost in every system-test run, worth seeing next to the stack's own startup times
        System.out.printf("Keycloak ready at %s after %d s%n", issuer(),
                Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds());
        return this;
    }

    /** The realm's issuer URL, as the gateway and the browser reach it. */
    String issuer() {
        return "http://localhost:" + port + "/realms/" + REALM;
    }

    @Override
    public void close() {
        // kc.sh runs Keycloak's JVM as its child and forwards TERM to it; the child is stopped too in case it did not
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    private static String resource(String name) throws IOException {
        try (var in = KeycloakServer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
