package io.leadline.gateway.operator;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.platform.wire.RequestBody;

import java.util.regex.Pattern;

/** The body of {@code POST /admin/v1/organizations}: {@code {"name", "user": {"email", "first_name", "last_name"}}}. */
public record NewOrganization(String name, String email, String firstName, String lastName) {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int MAX_LENGTH = 255;

    public static NewOrganization read(JsonNode json) {
        RequestBody body = RequestBody.of(json);
        String name = trimmed(body.requiredString("name"));
        if (name != null && name.isEmpty()) {
            body.fail("name", "This field may not be blank.");
        } else if (name != null && name.length() > MAX_LENGTH) {
            body.fail("name", "Ensure this field has no more than " + MAX_LENGTH + " characters.");
        }
        JsonNode user = body.json().get("user");
        String email = null;
        String firstName = null;
        String lastName = null;
        if (user == null || user.isNull()) {
            body.fail("user", RequestBody.REQUIRED);
        } else if (!user.isObject()) {
            body.fail("user", "Must be an object.");
        } else {
            email = trimmed(userString(body, user, "email"));
            if (email == null && !body.errors().has("user.email")) {
                body.fail("user.email", RequestBody.REQUIRED);
            } else if (email != null && (email.length() > 320 || !EMAIL.matcher(email).matches())) {
                body.fail("user.email", "Enter a valid email address.");
            }
            firstName = trimmed(userString(body, user, "first_name"));
            lastName = trimmed(userString(body, user, "last_name"));
        }
        body.throwIfInvalid();
        return new NewOrganization(name, email, firstName == null ? "" : firstName, lastName == null ? "" : lastName);
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

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }
}
