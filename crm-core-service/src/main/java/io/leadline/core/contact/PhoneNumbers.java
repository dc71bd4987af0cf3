package io.leadline.core.contact;

import java.util.Optional;

/**
 * Light phone normalisation: Close stores E.164 and shows a formatted variant. Without a numbering-plan library
 * we normalise punctuation away, and format North American numbers the way Close displays them.
 */
public final class PhoneNumbers {

    private PhoneNumbers() {
    }

    /** The number with separators removed, or empty when it holds no digits or foreign characters. */
    public static Optional<String> normalize(String raw) {
        String trimmed = raw.trim();
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (Character.isDigit(c)) {
                digits.append(c);
            } else if (c == '+' && i == 0) {
                digits.append(c);
            } else if (" -().".indexOf(c) < 0) {
                return Optional.empty();
            }
        }
        long digitCount = digits.chars().filter(Character::isDigit).count();
        if (digitCount < 3 || digitCount > 15) {
            return Optional.empty();
        }
        return Optional.of(digits.toString());
    }

    public static String format(String phone) {
        if (phone.startsWith("+1") && phone.length() == 12) {
            return "+1 " + phone.substring(2, 5) + "-" + phone.substring(5, 8) + "-" + phone.substring(8);
        }
        return phone;
    }
}
