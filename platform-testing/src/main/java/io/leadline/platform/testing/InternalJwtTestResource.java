package io.leadline.platform.testing;

import io.leadline.embedded.KeyPairFiles;
import io.leadline.embedded.TempDirectories;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Points the service under test at a per-JVM RSA pair, so that {@link InternalTokens} can mint the internal JWTs the
 * gateway would send.
 */
public class InternalJwtTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "leadline-gateway";
    public static final String AUDIENCE = "leadline-internal";
    private static final String KEY_DIRECTORY_PROPERTY = "leadline.testing.internal-jwt-keys";

    private static KeyPairFiles keys;

    /**
     * Quarkus may load this class in more than one class loader (test resource vs. test class), each with its own
     * statics; the key directory therefore lives in a JVM-wide system property, so all of them sign and verify with
     * the same pair.
     */
    public static KeyPairFiles keys() {
        synchronized (System.getProperties()) {
            if (keys == null) {
                keys = sharedKeys();
            }
            return keys;
        }
    }

    private static KeyPairFiles sharedKeys() {
        String shared = System.getProperty(KEY_DIRECTORY_PROPERTY);
        if (shared != null) {
            Optional<KeyPairFiles> existing = KeyPairFiles.existing(Path.of(shared));
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        Path directory = createKeyDirectory();
        Runtime.getRuntime().addShutdownHook(
                new Thread(() -> TempDirectories.deleteQuietly(directory), "internal-jwt-keys-delete"));
        KeyPairFiles generated = KeyPairFiles.generate(directory);
        System.setProperty(KEY_DIRECTORY_PROPERTY, directory.toString());
        return generated;
    }

    @Override
    public Map<String, String> start() {
        KeyPairFiles pair = keys();
        return Map.of(
                "mp.jwt.verify.publickey.location", pair.publicKey().toString(),
                "smallrye.jwt.sign.key.location", pair.privateKey().toString(),
                "mp.jwt.verify.issuer", ISSUER,
                "mp.jwt.verify.audiences", AUDIENCE);
    }

    @Override
    public void stop() {
        // keys stay valid for the whole JVM: tokens minted for one class may be reused by the next
    }

    private static Path createKeyDirectory() {
        try {
            return Files.createTempDirectory("leadline-jwt-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
