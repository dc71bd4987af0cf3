package io.leadline.core.customobject;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.core.custom.CustomValues;
import io.leadline.platform.wire.RequestBody;

import java.util.List;
import java.util.Objects;

/**
 * A custom object create or update body. Create needs {@code custom_object_type_id}, {@code lead_id} and
 * {@code name}; an update may change the name and custom values only (Close), so a type or lead id sent with a PUT
 * must be the stored one.
 */
final class CustomObjectInput {

    static final String TYPE_ID = "custom_object_type_id";
    static final String LEAD_ID = "lead_id";

    final RequestBody body;
    final String typeId;
    final String leadId;
    final String name;
    final List<CustomValues.Change> custom;

    private CustomObjectInput(RequestBody body, boolean update) {
        this.body = body;
        this.typeId = update ? body.string(TYPE_ID, RequestBody.ID_LENGTH) : body.requiredString(TYPE_ID, RequestBody.ID_LENGTH);
        this.leadId = update ? body.string(LEAD_ID, RequestBody.ID_LENGTH) : body.requiredString(LEAD_ID, RequestBody.ID_LENGTH);
        String readName = body.has("name") || !update ? body.requiredNonBlank("name", RequestBody.NAME_LENGTH) : null;
        this.name = readName == null ? null : readName.trim();
        this.custom = CustomValues.read(body);
    }

    static CustomObjectInput forCreate(JsonNode json) {
        return new CustomObjectInput(RequestBody.of(json), false);
    }

    static CustomObjectInput forUpdate(JsonNode json) {
        return new CustomObjectInput(RequestBody.of(json), true);
    }

    /** On update: the type and lead of an object never change; sending the stored ones again is fine. */
    void keeps(CustomObject object) {
        if (body.has(TYPE_ID) && !Objects.equals(typeId, object.customObjectTypeId)) {
            body.fail(TYPE_ID, "A custom object can't change its type.");
        }
        if (body.has(LEAD_ID) && !Objects.equals(leadId, object.leadId)) {
            body.fail(LEAD_ID, "A custom object can't move to another lead (merging the leads moves it).");
        }
    }
}
