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
        String email = trimmed(userString(body, user, "email"));
        if (email == null && !body.errors().has("user.email")) {
            body.fail("user.email", RequestBody.REQUIRED);
        } else if (email != null && (email.length() > 320 || !EMAIL.matcher(email).matches())) {
            body.fail("user.email", "Enter a valid email address.");
        }
        String firstName = trimmed(userString(body, user, "first_name"));
        String lastName = trimmed(userString(body, user, "last_name"));
        return new NewUser(email, firstName == null ? "" : firstName, lastName == null ? "" : lastName);
    }

    private static String userString(RequestBody body, JsonNode user, String field) {
        JsonNode value = user.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            body.fail("user." + field, "Not a valid string.");
            return null;
        }
        if (value.textValue().length() > MAX_LENGTH) {
            body.fail("user." + field, "Ensure this field has no more than " + MAX_LENGTH + " characters.");
            return null;
        }
        return value.textValue();
    }

    static String trimmed(String value) {
        return value == null ? null : value.trim();
    }
}
