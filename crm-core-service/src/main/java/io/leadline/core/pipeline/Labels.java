package io.leadline.core.pipeline;

import io.leadline.platform.wire.RequestBody;

/** Names and labels of configuration objects: required, not blank, stored trimmed. */
final class Labels {

    private Labels() {
    }

    static String required(RequestBody body, String field) {
        String value = body.requiredString(field);
        if (value != null && value.isBlank()) {
            body.fail(field, "This field may not be blank.");
            return null;
        }
        return value == null ? null : value.trim();
    }
}
