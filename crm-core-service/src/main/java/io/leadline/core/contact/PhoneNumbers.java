package io.leadline.core.contact;

import java.util.Optional;
import java.util.Set;

/**
 * Phone numbers as Close keeps them: stored in E.164 ({@code +14155551234}) and shown formatted. There is no
 * numbering-plan library here on purpose (it would be the service's largest dependency), so the rules are the ones
 * that matter for validation: international input must start with {@code +} (or {@code 00}) and a real country
 * code; input without one is read as a North American number, the default region of a Close organization.
 */
public final class PhoneNumbers {

    private static final String SEPARATORS = " -().\u00a0/";
    private static final int E164_MAX_DIGITS = 15;
    /** Shortest plausible international number: country code plus a short subscriber number (e.g. +2901234). */
    private static final int INTERNATIONAL_MIN_DIGITS = 7;
    private static final int NANP_NATIONAL_DIGITS = 10;

    /**
     * ITU country codes are prefix-free: 1 and 7 are the only one-digit codes, these are the two-digit ones, and every
     * other code has three digits. That is enough to find where a number's country code ends.
     */
    private static final Set<String> TWO_DIGIT_COUNTRY_CODES = Set.of(
            "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47", "48", "49",
            "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66", "81", "82", "84",
            "86", "90", "91", "92", "93", "94", "95", "98");

    /** Three-digit prefixes that ITU has not assigned (spare or reserved) and so can't start a real number. */
    private static final Set<String> UNASSIGNED_PREFIXES = Set.of(
            "210", "214", "215", "217", "219", "259", "280", "281", "282", "283", "284", "285", "286", "287", "288",
            "289", "292", "293", "294", "295", "296", "384", "422", "424", "425", "426", "427", "428", "429", "671",
            "684", "693", "694", "695", "696", "697", "698", "699", "801", "802", "803", "804", "805", "806", "807",
            "809", "830", "831", "832", "833", "834", "835", "836", "837", "838", "839", "851", "854", "857", "858",
            "859", "871", "872", "873", "874", "884", "885", "887", "889", "890", "891", "892", "893", "894", "895",
            "896", "897", "898", "899", "969", "978", "990", "997", "999");

    private PhoneNumbers() {
    }

    /** The number in E.164, or empty when it can't be a real phone number. */
    public static Optional<String> normalize(String raw) {
        String trimmed = raw.trim();
        boolean international = trimmed.startsWith("+");
        StringBuilder digits = new StringBuilder();
        for (int i = international ? 1 : 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (SEPARATORS.indexOf(c) < 0) {
                return Optional.empty();
            }
        }
        if (!international && digits.length() > 2 && digits.charAt(0) == '0' && digits.charAt(1) == '0') {
            // 00 is the international call prefix in most of the world: 0044 20 … means +44 20 ….
            international = true;
            digits.delete(0, 2);
        }
        if (international) {
            return international(digits.toString());
        }
        if (digits.length() == NANP_NATIONAL_DIGITS + 1 && digits.charAt(0) == '1') {
            digits.deleteCharAt(0);
        }
        return digits.length() == NANP_NATIONAL_DIGITS ? northAmerican(digits.toString()) : Optional.empty();
    }

    /** Close's display form: {@code +1 415-555-1234} in North America, the country code set apart elsewhere. */
    public static String format(String phone) {
        if (!phone.startsWith("+")) {
            return phone;
        }
        String digits = phone.substring(1);
        if (digits.startsWith("1") && digits.length() == NANP_NATIONAL_DIGITS + 1) {
            return "+1 " + digits.substring(1, 4) + "-" + digits.substring(4, 7) + "-" + digits.substring(7);
        }
        int codeLength = countryCodeLength(digits);
        if (digits.length() <= codeLength) {
            return phone;
        }
        return "+" + digits.substring(0, codeLength) + " " + digits.substring(codeLength);
    }

    private static Optional<String> international(String digits) {
        if (digits.length() < INTERNATIONAL_MIN_DIGITS || digits.length() > E164_MAX_DIGITS
                || digits.charAt(0) == '0') {
            return Optional.empty();
        }
        if (digits.charAt(0) == '1') {
            return digits.length() == NANP_NATIONAL_DIGITS + 1 ? northAmerican(digits.substring(1)) : Optional.empty();
        }
        if (digits.length() >= 3 && UNASSIGNED_PREFIXES.contains(digits.substring(0, 3))) {
            return Optional.empty();
        }
        return Optional.of("+" + digits);
    }

    /** A ten-digit NANP number: neither the area code nor the exchange may start with 0 or 1. */
    private static Optional<String> northAmerican(String national) {
        boolean valid = national.charAt(0) >= '2' && national.charAt(3) >= '2';
        return valid ? Optional.of("+1" + national) : Optional.empty();
    }

    private static int countryCodeLength(String digits) {
        if (digits.startsWith("1") || digits.startsWith("7")) {
            return 1;
        }
        if (digits.length() >= 2 && TWO_DIGIT_COUNTRY_CODES.contains(digits.substring(0, 2))) {
            return 2;
        }
        return 3;
    }
}
