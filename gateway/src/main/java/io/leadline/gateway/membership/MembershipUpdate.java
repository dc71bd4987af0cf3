package io.leadline.gateway.membership;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.platform.wire.RequestBody;

import java.util.List;

/** What {@code PUT /membership/{id}/} may change; absent fields stay as they are. */
record MembershipUpdate(String roleId, String autoRecordCalls) {

    static final List<String> AUTO_RECORD_CALLS = List.of("unset", "enabled", "disabled");

    static MembershipUpdate read(JsonNode json) {
        RequestBody body = RequestBody.of(json);
        String roleId = body.has("role_id") ? body.requiredNonBlank("role_id", RequestBody.ID_LENGTH) : null;
        String autoRecordCalls = body.has("auto_record_calls")
                ? body.choice("auto_record_calls", AUTO_RECORD_CALLS) : null;
        if (body.has("auto_record_calls") && body.isNull("auto_record_calls")) {
            body.fail("auto_record_calls", RequestBody.REQUIRED);
        }
        body.throwIfInvalid();
        return new MembershipUpdate(roleId, autoRecordCalls);
    }
}
