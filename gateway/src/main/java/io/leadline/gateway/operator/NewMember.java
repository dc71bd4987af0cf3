package io.leadline.gateway.operator;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.gateway.membership.Membership;
import io.leadline.platform.wire.RequestBody;

/**
 * The body of {@code POST /admin/v1/organizations/{id}/memberships}: {@code {"user": {…}, "role_id"}}, the role one of
 * Close's built-in ones ({@code user} when absent).
 */
public record NewMember(NewUser user, String roleId) {

    public static NewMember read(JsonNode json) {
        RequestBody body = RequestBody.of(json);
        NewUser user = NewUser.read(body);
        String role = body.has("role_id") ? body.choice("role_id", Membership.BUILT_IN_ROLES) : Membership.USER;
        body.throwIfInvalid();
        return new NewMember(user, role);
    }

    /** Close's {@code POST /membership/} body: {@code {"email", "role_id"}}, both required. */
    public static NewMember readInvitation(JsonNode json) {
        RequestBody body = RequestBody.of(json);
        NewUser user = NewUser.readFields(body, json, "");
        if (!body.has("role_id")) {
            body.fail("role_id", RequestBody.REQUIRED);
        }
        String role = body.choice("role_id", Membership.BUILT_IN_ROLES);
        body.throwIfInvalid();
        return new NewMember(user, role);
    }
}
