package io.leadline.gateway.operator;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.platform.wire.RequestBody;

import java.util.regex.Pattern;

/** The {@code "user": {"email", "first_name", "last_name"}} of an operator request; the email identifies the person. */
public record NewUser(String email, String firstName, String lastName) {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int MAX_LENGTH = 255;

    /** Reads the body's {@code user}; its errors join the body's, and null is answered when there are any. */
    static NewUser read(RequestBody body) {
        JsonNode user = body.json().get("user");
        if (user == null || user.isNull()) {
            body.fail("user", RequestBody.REQUIRED);
            return null;
        }
        if (!user.isObject()) {
            body.fail("user", "Must be an object.");
            return null;
        }
        return readFields(body, user, "user.");
    }

    /**
     * The person described by {@code user}'s fields, errors named {@code prefix + field}: {@code "user."} for the
     * operator's nested object, {@code ""} for Close's {@code POST /membership/} with the email at the top.
     */
    static NewUser readFields(RequestBody body, JsonNode user, String prefix) {
        String email = trimmed(userString(body, user, "email", prefix));
        if (email == null && !body.errors().has(prefix + "email")) {
            body.fail(prefix + "email", RequestBody.REQUIRED);
        } else if (email != null && (email.length() > 320 || !EMAIL.matcher(email).matches())) {
            body.fail(prefix + "email", "Enter a valid email address.");
        }
        String firstName = trimmed(userString(body, user, "first_name", prefix));
        String lastName = trimmed(userString(body, user, "last_name", prefix));
        return new NewUser(email, firstName == null ? "" : firstName, lastName == null ? "" : lastName);
    }

    private static String userString(RequestBody body, JsonNode user, String field, String prefix) {
        JsonNode value = user.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            body.fail(prefix + field, "Not a valid string.");
            return null;
        }
        if (value.textValue().length() > MAX_LENGTH) {
            body.fail(prefix + field, "Ensure this field has no more than " + MAX_LENGTH + " characters.");
            return null;
        }
        return value.textValue();
    }

    static String trimmed(String value) {
        return value == null ? null : value.trim();
    }
}
