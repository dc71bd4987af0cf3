package io.leadline.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

/** An RSA-2048 pair as PEM files: PKCS#8 private key for signing, X.509 public key for verifying internal JWTs. */
public record KeyPairFiles(Path privateKey, Path publicKey) {

    private static final String PRIVATE_LABEL = "PRIVATE KEY";
    private static final String PUBLIC_LABEL = "PUBLIC KEY";
    private static final String PRIVATE_FILE = "privateKey.pem";
    private static final String PUBLIC_FILE = "publicKey.pem";

    /** A pair written earlier by {@link #generate}, if both files are still there. */
    public static Optional<KeyPairFiles> existing(Path directory) {
        KeyPairFiles files = new KeyPairFiles(directory.resolve(PRIVATE_FILE).toAbsolutePath(),
                directory.resolve(PUBLIC_FILE).toAbsolutePath());
        return Files.isRegularFile(files.privateKey) && Files.isRegularFile(files.publicKey)
                ? Optional.of(files) : Optional.empty();
    }

    public static KeyPairFiles generate(Path directory) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(directory);
            Path privateFile = directory.resolve(PRIVATE_FILE).toAbsolutePath();
            Path publicFile = directory.resolve(PUBLIC_FILE).toAbsolutePath();
            Files.writeString(privateFile, pem(PRIVATE_LABEL, pair.getPrivate().getEncoded()));
            Files.writeString(publicFile, pem(PUBLIC_LABEL, pair.getPublic().getEncoded()));
            return new KeyPairFiles(privateFile, publicFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write key pair to " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation unavailable", e);
        }
    }

    public PrivateKey loadPrivateKey() {
        try {
            String pem = Files.readString(privateKey);
            byte[] der = Base64.getMimeDecoder().decode(pem
                    .replace("-----BEGIN " + PRIVATE_LABEL + "-----", "")
                    .replace("-----END " + PRIVATE_LABEL + "-----", ""));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not a PKCS#8 RSA key: " + privateKey, e);
        }
    }

    private static String pem(String label, byte[] der) {
        Base64.Encoder encoder = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        return "-----BEGIN " + label + "-----\n" + encoder.encodeToString(der) + "\n-----END " + label + "-----\n";
    }
}
