package io.leadline.activities.customactivity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.leadline.platform.wire.RequestBody;

/**
 * A custom activity type body. {@code name} is required on create and can't be cleared; the rest is optional and
 * keeps its value when absent from a PUT. {@code fields} is read-only (fields are created through crm-core's custom
 * field API) and ignored, as Close ignores read-only fields.
 */
final class CustomActivityTypeInput {

    final RequestBody body;
    final String name;
    final boolean hasDescription;
    final String description;
    final Boolean apiCreateOnly;
    final ArrayNode editableWithRoles;
    final Boolean archived;

    private CustomActivityTypeInput(RequestBody body, boolean update) {
        this.body = body;
        this.name = update && !body.has("name") ? null : body.requiredNonBlank("name", RequestBody.NAME_LENGTH);
        this.hasDescription = body.has("description");
        this.description = body.string("description", RequestBody.MAX_LENGTH);
        this.apiCreateOnly = body.bool("api_create_only");
        this.editableWithRoles = roles(body);
        this.archived = body.bool("is_archived");
    }

    static CustomActivityTypeInput forCreate(JsonNode json) {
        return new CustomActivityTypeInput(RequestBody.of(json), false);
    }

    static CustomActivityTypeInput forUpdate(JsonNode json) {
        return new CustomActivityTypeInput(RequestBody.of(json), true);
    }

    /** Role ids are strings; the roles themselves live in the gateway, so they are not checked. */
    private static ArrayNode roles(RequestBody body) {
        ArrayNode roles = body.array("editable_with_roles");
        if (roles != null) {
            for (JsonNode role : roles) {
                if (!role.isTextual() || role.asText().isBlank()) {
                    body.fail("editable_with_roles", "Expected a list of role ids.");
                    return null;
                }
            }
        }
        return roles;
    }
}
