package io.leadline.core.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.wire.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The cursors of {@code /data/search/}: where the last page ended (the values of the sort's expressions, the id last,
 * for a keyset read) and how many objects were handed out so far (for {@code results_limit}). They hold no time, so
 * they never expire and no sequence is capped (Close's expire after ~30 s and stop at 10,000 objects). Each is signed
 * with HMAC-SHA256 over its content and the search it belongs to (organization, object type, query, sort): a changed
 * byte, or a cursor sent with another search, is a 400 — a forged keyset could not leave the organization anyway,
 * but it is never bound into a statement unsigned.
 */
@ApplicationScoped
public class SearchCursors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MAX_LENGTH = 4096;

    private final SecretKeySpec key;

    public SearchCursors(@ConfigProperty(name = "leadline.search.cursor-secret") String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** Where a page ended and how many objects the sequence has handed out. */
    public record Position(List<Object> key, long returned) {
    }

    public String encode(Position position, String search) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        ArrayNode values = payload.putArray("k");
        for (Object value : position.key()) {
            values.add(typed(value));
        }
        payload.put("n", position.returned());
        byte[] content = payload.toString().getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(content) + "." + ENCODER.encodeToString(sign(content, search));
    }

    /** The position of {@code cursor}, or a 400 on {@code cursor} when it is not one this search handed out. */
    public Position decode(String cursor, String search) {
        try {
            int dot = cursor.indexOf('.');
            if (cursor.length() > MAX_LENGTH || dot < 0) {
                throw invalid();
            }
            byte[] content = DECODER.decode(cursor.substring(0, dot));
            byte[] signature = DECODER.decode(cursor.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, sign(content, search))) {
                throw invalid();
            }
            JsonNode payload = JSON.readTree(content);
            List<Object> key = new ArrayList<>();
            for (JsonNode value : payload.get("k")) {
                key.add(untyped(value));
            }
            return new Position(key, payload.get("n").asLong());
        } catch (ValidationException e) {
            throw e;
        } catch (RuntimeException | java.io.IOException e) {
            // signed by us, so only a changed secret gets here; still a 400, never a 500
            throw invalid();
        }
    }

    private static JsonNode typed(Object value) {
        if (value == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        String type;
        if (value instanceof OffsetDateTime) {
            type = "t";
        } else if (value instanceof LocalDate) {
            type = "d";
        } else if (value instanceof Long) {
            type = "l";
        } else if (value instanceof Integer) {
            type = "i";
        } else if (value instanceof Boolean) {
            type = "b";
        } else if (value instanceof String) {
            type = "s";
        } else {
            throw new IllegalArgumentException("no cursor form for " + value.getClass().getName());
        }
        return JsonNodeFactory.instance.arrayNode().add(type).add(value.toString());
    }

    private static Object untyped(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        String text = value.get(1).asText();
        return switch (value.get(0).asText()) {
            case "t" -> OffsetDateTime.parse(text);
            case "d" -> LocalDate.parse(text);
            case "l" -> Long.parseLong(text);
            case "i" -> Integer.parseInt(text);
            case "b" -> Boolean.parseBoolean(text);
            case "s" -> text;
            default -> throw new IllegalArgumentException("unknown cursor value");
        };
    }

    private byte[] sign(byte[] content, String search) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(search.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static ValidationException invalid() {
        return ValidationException.field("cursor", "Invalid cursor.");
    }
}
