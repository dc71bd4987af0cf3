package io.leadline.activities.email;

import io.leadline.platform.wire.RequestBody;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The address forms Close takes in {@code sender}, {@code to}, {@code cc}, {@code bcc}: {@code ada@example.com} or
 * {@code "Ada Lovelace" <ada@example.com>} (also without quotes). Only the shape is checked: one {@code @}, no
 * spaces or angle brackets in the address, a dot-free local part allowed; whether the mailbox exists is the SMTP
 * server's business.
 */
final class EmailAddresses {

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>\",;]+@[^@\\s<>\",;]+\\.[^@\\s<>\",;.]+");
    private static final Pattern NAMED = Pattern.compile("\\s*(?:\"([^\"\\r\\n]*)\"|([^<>\"\\r\\n]*?))\\s*<([^<>]+)>\\s*");
    /** RFC 5321's limit on a path. */
    static final int MAX_LENGTH = 320;

    private EmailAddresses() {
    }

    /** The bare address of a valid entry, empty when the entry is no address. */
    static Optional<String> address(String entry) {
        if (entry == null || entry.length() > MAX_LENGTH + RequestBody.NAME_LENGTH) {
            return Optional.empty();
        }
        Matcher named = NAMED.matcher(entry);
        String address = named.matches() ? named.group(3).trim() : entry.trim();
        return ADDRESS.matcher(address).matches() && address.length() <= MAX_LENGTH
                ? Optional.of(address) : Optional.empty();
    }

    static boolean valid(String entry) {
        return address(entry).isPresent();
    }
}
