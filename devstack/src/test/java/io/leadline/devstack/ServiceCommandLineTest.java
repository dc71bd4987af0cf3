package io.leadline.devstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Secrets reach the services in their environment, never on a command line anyone can read with ps. */
class ServiceCommandLineTest {

    private static final Map<String, String> ENVIRONMENT = Map.of(
            "LEADLINE_DB_PASSWORD", "db-secret-4711",
            "LEADLINE_GATEWAY_OPERATOR_TOKEN", "op_0123456789abcdef0123456789abcdef",
            "QUARKUS_HTTP_PORT", "8080");

    @Test
    void theCommandLineCarriesNoSecret() {
        List<String> command = ServiceProcess.command(Path.of("/tmp/app/quarkus-run.jar"), List.of("-Xmx256m"));
        String line = String.join(" ", command);
        ENVIRONMENT.forEach((name, value) -> {
            if (name.endsWith("_PASSWORD") || name.endsWith("_TOKEN")) {
                assertFalse(line.contains(value), name + " is on the command line: " + line);
            }
        });
        assertDoesNotThrow(() -> ServiceProcess.requireNoSecrets(command, ENVIRONMENT));
    }

    @Test
    void jvmOptionsThatWouldCarryASecretAreRefused() {
        List<String> command = ServiceProcess.command(Path.of("/tmp/app/quarkus-run.jar"),
                List.of("-Dleadline.db.password=db-secret-4711"));
        assertThrows(IllegalArgumentException.class, () -> ServiceProcess.requireNoSecrets(command, ENVIRONMENT));
    }
}
