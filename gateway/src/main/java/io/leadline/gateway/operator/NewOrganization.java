package io.leadline.gateway.operator;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.platform.wire.RequestBody;

/** The body of {@code POST /admin/v1/organizations}: {@code {"name", "user": {"email", "first_name", "last_name"}}}. */
public record NewOrganization(String name, NewUser admin) {

    public static NewOrganization read(JsonNode json) {
        RequestBody body = RequestBody.of(json);
        String name = NewUser.trimmed(body.requiredString("name"));
        if (name != null && name.isEmpty()) {
            body.fail("name", "This field may not be blank.");
        } else if (name != null && name.length() > RequestBody.NAME_LENGTH) {
            body.fail("name", "Ensure this field has no more than " + RequestBody.NAME_LENGTH + " characters.");
        }
        NewUser admin = NewUser.read(body);
        body.throwIfInvalid();
        return new NewOrganization(name, admin);
    }
}
