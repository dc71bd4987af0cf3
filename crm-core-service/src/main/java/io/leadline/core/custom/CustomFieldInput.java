package io.leadline.core.custom;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.platform.wire.Patch;
import io.leadline.platform.wire.RequestBody;

import java.util.List;

/**
 * A custom field create or update body (PUT is partial). What depends on the stored field (a type change, turning
 * multiple values off, choices of a choices field) is checked by {@link CustomFieldService} against it.
 */
final class CustomFieldInput {

    static final int DESCRIPTION_LENGTH = 280;
    static final int MAX_CHOICES = 1_000;

    final RequestBody body;
    final Patch<String> name;
    final Patch<String> description;
    final CustomFieldType type;
    final Boolean acceptsMultipleValues;
    final Patch<List<String>> choices;
    final Patch<List<String>> editableWithRoles;
    final Boolean required;
    final Patch<String> customActivityTypeId;
    final Patch<String> customObjectTypeId;
    final Patch<String> referencedCustomTypeId;
    final Boolean backReferenceIsVisible;

    private CustomFieldInput(RequestBody body, String owner, boolean update) {
        this.body = body;
        String readName = body.has("name") || !update ? body.requiredNonBlank("name", RequestBody.NAME_LENGTH) : null;
        this.name = Patch.read(body, "name", readName == null ? null : readName.trim());
        this.description = Patch.read(body, "description", body.string("description", DESCRIPTION_LENGTH));
        this.type = readType(body, update);
        this.acceptsMultipleValues = body.bool("accepts_multiple_values");
        this.choices = Patch.read(body, "choices", TextLists.distinct(body, "choices", MAX_CHOICES, RequestBody.NAME_LENGTH));
        this.editableWithRoles = Patch.read(body, "editable_with_roles",
                TextLists.distinct(body, "editable_with_roles", RequestBody.MAX_ITEMS, RequestBody.ID_LENGTH));
        this.required = body.bool("required");
        this.backReferenceIsVisible = body.bool("back_reference_is_visible");
        String activityType = body.string("custom_activity_type_id", RequestBody.ID_LENGTH);
        this.customActivityTypeId = Patch.read(body, "custom_activity_type_id", activityType);
        this.customObjectTypeId = Patch.read(body, "custom_object_type_id",
                body.string("custom_object_type_id", RequestBody.ID_LENGTH));
        this.referencedCustomTypeId = Patch.read(body, "referenced_custom_type_id",
                body.string("referenced_custom_type_id", RequestBody.ID_LENGTH));
        readParents(owner, update);
        if (CustomFieldOwner.ACTIVITY.equals(owner)) {
            if (update && customActivityTypeId.isPresent()) {
                body.fail("custom_activity_type_id", "An activity field can't move to another custom activity type.");
            } else if (!update && activityType == null && !body.errors().has("custom_activity_type_id")) {
                body.fail("custom_activity_type_id", RequestBody.REQUIRED);
            }
        } else if (customActivityTypeId.isPresent() && customActivityTypeId.value() != null) {
            body.fail("custom_activity_type_id", "Only activity fields belong to a custom activity type.");
        }
        if (update && type != null && (CustomFieldOwner.ACTIVITY.equals(owner) || CustomFieldOwner.SHARED.equals(owner)
                || CustomFieldOwner.CUSTOM_OBJECT_TYPE.equals(owner))) {
            body.fail("type", "The type of activity, custom object and shared fields can't be changed.");
        }
        if (!update && type != null) {
            checkShape(type, Boolean.TRUE.equals(acceptsMultipleValues), choices.orElse(List.of()));
        }
    }

    /**
     * A custom object field belongs to one custom object type, a {@code custom_object} field references one; both
     * are given on create and never change (the service compares an update's values with the stored ones).
     */
    private void readParents(String owner, boolean update) {
        boolean objectField = CustomFieldOwner.CUSTOM_OBJECT_TYPE.equals(owner);
        if (!objectField && customObjectTypeId.isPresent() && customObjectTypeId.value() != null) {
            body.fail("custom_object_type_id", "Only custom object fields belong to a custom object type.");
        } else if (objectField && !update && customObjectTypeId.orElse(null) == null
                && !body.errors().has("custom_object_type_id")) {
            body.fail("custom_object_type_id", RequestBody.REQUIRED);
        }
        if (update || type == null || body.errors().has("referenced_custom_type_id")) {
            return;
        }
        boolean references = referencedCustomTypeId.orElse(null) != null;
        if (type == CustomFieldType.CUSTOM_OBJECT && !references) {
            body.fail("referenced_custom_type_id", RequestBody.REQUIRED);
        } else if (type != CustomFieldType.CUSTOM_OBJECT && references) {
            body.fail("referenced_custom_type_id", "Only custom_object fields reference a custom object type.");
        }
    }

    static CustomFieldInput forCreate(JsonNode json, String owner) {
        return new CustomFieldInput(RequestBody.of(json), owner, false);
    }

    static CustomFieldInput forUpdate(JsonNode json, String owner) {
        return new CustomFieldInput(RequestBody.of(json), owner, true);
    }

    /** A field's type, multiple values and choices must fit together (on create, and after an update). */
    void checkShape(CustomFieldType fieldType, boolean multiple, List<String> fieldChoices) {
        if (multiple && !fieldType.mayHoldMany()) {
            body.fail("accepts_multiple_values", "Only choices, user, contact and custom_object fields accept multiple values.");
        }
        if (fieldChoices == null) {
            // choices that weren't a list of names: already a field error of the body
            return;
        }
        if (fieldType == CustomFieldType.CHOICES && fieldChoices.isEmpty() && !body.errors().has("choices")) {
            body.fail("choices", "A choices field needs at least one choice.");
        }
        if (fieldType != CustomFieldType.CHOICES && !fieldChoices.isEmpty()) {
            body.fail("choices", "Only choices fields have choices.");
        }
    }

    private static CustomFieldType readType(RequestBody body, boolean update) {
        if (update && !body.has("type")) {
            return null;
        }
        String wire = body.string("type", RequestBody.ID_LENGTH);
        if (wire == null) {
            if (!body.errors().has("type")) {
                body.fail("type", RequestBody.REQUIRED);
            }
            return null;
        }
        return CustomFieldType.fromWire(wire).orElseGet(() -> {
            body.fail("type", "\"" + wire + "\" is not a valid choice. Choose one of: "
                    + String.join(", ", CustomFieldType.wireNames()) + ".");
            return null;
        });
    }
}
