package io.leadline.activities.call;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import java.util.Optional;

/**
 * A call's phone numbers as Close keeps them: E.164 ({@code +14155551234}) and shown formatted
 * ({@code +1 415-555-1234}), through Google's libphonenumber. A number without a country code is read as North
 * American, as Leadline reads contacts' numbers.
 */
public final class CallPhones {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final String DEFAULT_REGION = "US";

    private CallPhones() {
    }

    /** The number in E.164, or empty when it is no possible phone number. */
    public static Optional<String> normalize(String raw) {
        try {
            Phonenumber.PhoneNumber number = PHONES.parse(raw, DEFAULT_REGION);
            if (!PHONES.isPossibleNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException notANumber) {
            return Optional.empty();
        }
    }

    /** The display form of a stored E.164 number; null for null. */
    public static String format(String e164) {
        if (e164 == null) {
            return null;
        }
        try {
            return PHONES.format(PHONES.parse(e164, DEFAULT_REGION), PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException stored) {
            return e164;
        }
    }

    /** The region of a stored number ({@code US}), for Close's {@code *_country_iso}; null when unknown. */
    public static String countryIso(String e164) {
        if (e164 == null) {
            return null;
        }
        try {
            return PHONES.getRegionCodeForNumber(PHONES.parse(e164, DEFAULT_REGION));
        } catch (NumberParseException stored) {
            return null;
        }
    }

    /**
     * Writes a stored number as Close shows it: {@code key} and {@code key_formatted}, and its country under
     * {@code countryKey} where the type has one (null: none).
     */
    public static void put(ObjectNode json, String key, String e164, String countryKey) {
        json.put(key, e164);
        json.put(key + "_formatted", format(e164));
        if (countryKey != null) {
            json.put(countryKey, countryIso(e164));
        }
    }
}
