package io.leadline.gateway.oauth;

import io.leadline.gateway.principal.Principal;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The scopes a client may ask for. Close knows {@code all.full_access} and {@code offline_access}; Leadline adds
 * {@code all.read_only}, which the gateway enforces on every route (only reads pass).
 */
public final class Scopes {

    public static final String OFFLINE_ACCESS = "offline_access";
    /** What a request without {@code scope} gets, as at Close. */
    public static final String DEFAULT = Principal.FULL_ACCESS + " " + OFFLINE_ACCESS;

    /** Every scope with what the consent page says it allows. */
    public static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();

    static {
        DESCRIPTIONS.put(Principal.FULL_ACCESS, "Read and change everything you can in the organization");
        DESCRIPTIONS.put(Principal.READ_ONLY, "Read everything you can in the organization, change nothing");
        DESCRIPTIONS.put(OFFLINE_ACCESS, "Keep access when you are not signed in (a refresh token)");
    }

    private Scopes() {
    }

    /** The requested scope, checked and normalized (known scopes, once each, in the order above). */
    public static String parse(String requested) {
        if (requested == null || requested.isBlank()) {
            return DEFAULT;
        }
        Set<String> asked = new LinkedHashSet<>();
        for (String scope : requested.trim().split("\\s+")) {
            if (!DESCRIPTIONS.containsKey(scope)) {
                throw OAuthException.invalidScope("Unknown scope: " + scope + ". Known scopes: "
                        + String.join(" ", DESCRIPTIONS.keySet()) + ".");
            }
            asked.add(scope);
        }
        if (!asked.contains(Principal.FULL_ACCESS) && !asked.contains(Principal.READ_ONLY)) {
            throw OAuthException.invalidScope("Ask for all.full_access or all.read_only.");
        }
        StringBuilder normalized = new StringBuilder();
        for (String known : DESCRIPTIONS.keySet()) {
            // full access includes reading: asking for both is full access
            boolean redundant = known.equals(Principal.READ_ONLY) && asked.contains(Principal.FULL_ACCESS);
            if (asked.contains(known) && !redundant) {
                normalized.append(normalized.isEmpty() ? "" : " ").append(known);
            }
        }
        return normalized.toString();
    }

    public static boolean includes(String scope, String wanted) {
        return (" " + scope + " ").contains(" " + wanted + " ");
    }

    /** Whether {@code narrower} asks for nothing {@code granted} does not hold (a refresh may narrow, never widen). */
    public static boolean within(String narrower, String granted) {
        for (String scope : narrower.split(" ")) {
            boolean readCoveredByFull = scope.equals(Principal.READ_ONLY) && includes(granted, Principal.FULL_ACCESS);
            if (!includes(granted, scope) && !readCoveredByFull) {
                return false;
            }
        }
        return true;
    }
}
