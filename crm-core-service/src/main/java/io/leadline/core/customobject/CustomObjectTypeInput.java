package io.leadline.core.customobject;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.core.custom.TextLists;
import io.leadline.platform.wire.Patch;
import io.leadline.platform.wire.RequestBody;

import java.util.List;

/**
 * A custom object type create or update body (PUT is partial). The read-only {@code fields} and
 * {@code back_reference_fields} (and ids, audit fields) are ignored, so a client may send back what it read.
 */
final class CustomObjectTypeInput {

    final RequestBody body;
    final Patch<String> name;
    final Patch<String> namePlural;
    final Patch<String> description;
    final Boolean apiCreateOnly;
    final Patch<List<String>> editableWithRoles;
    final Boolean isArchived;

    private CustomObjectTypeInput(RequestBody body, boolean update) {
        this.body = body;
        this.name = name(body, "name", update);
        this.namePlural = name(body, "name_plural", update);
        this.description = Patch.read(body, "description", body.string("description", RequestBody.MAX_LENGTH));
        this.apiCreateOnly = body.bool("api_create_only");
        this.editableWithRoles = Patch.read(body, "editable_with_roles", TextLists.distinct(body,
                "editable_with_roles", RequestBody.MAX_ITEMS, RequestBody.ID_LENGTH));
        this.isArchived = body.bool("is_archived");
    }

    static CustomObjectTypeInput forCreate(JsonNode json) {
        return new CustomObjectTypeInput(RequestBody.of(json), false);
    }

    static CustomObjectTypeInput forUpdate(JsonNode json) {
        return new CustomObjectTypeInput(RequestBody.of(json), true);
    }

    /** Required on create; on update only when sent (never null). Trimmed. */
    private static Patch<String> name(RequestBody body, String field, boolean update) {
        String value = body.has(field) || !update ? body.requiredNonBlank(field, RequestBody.NAME_LENGTH) : null;
        return Patch.read(body, field, value == null ? null : value.trim());
    }
}
