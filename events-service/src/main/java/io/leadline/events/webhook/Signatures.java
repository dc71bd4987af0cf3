package io.leadline.events.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The signatures of one delivery, from the subscription's {@code signature_key} (64 hex characters = 32 key bytes):
 * <ul>
 *   <li>Close's {@code close-sig-hash}: hex HMAC-SHA256 over {@code timestamp + body}, keyed with the key's bytes;</li>
 *   <li>Standard Webhooks' {@code webhook-signature}: {@code v1,} + base64 HMAC-SHA256 over
 *       {@code id + "." + timestamp + "." + body}, keyed with the same bytes. A Standard Webhooks library takes
 *       the secret {@code whsec_} + base64 of those bytes ({@link #standardWebhooksSecret}).</li>
 * </ul>
 */
final class Signatures {

    private Signatures() {
    }

    static String closeSigHash(String signatureKey, String timestamp, byte[] body) {
        return HexFormat.of().formatHex(hmac(signatureKey, concat(timestamp.getBytes(StandardCharsets.UTF_8), body)));
    }

    static String standardWebhooksSignature(String signatureKey, String id, String timestamp, byte[] body) {
        byte[] signed = concat((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
        return "v1," + Base64.getEncoder().encodeToString(hmac(signatureKey, signed));
    }

    /** The subscription's key in the form Standard Webhooks libraries take. */
    static String standardWebhooksSecret(String signatureKey) {
        return "whsec_" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(signatureKey));
    }

    private static byte[] hmac(String signatureKey, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HexFormat.of().parseHex(signatureKey), "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
