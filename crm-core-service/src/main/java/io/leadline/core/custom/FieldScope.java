package io.leadline.core.custom;

import java.util.Map;

/**
 * Where custom values live: leads, contacts, opportunities, the activities of one custom activity type or the
 * objects of one custom object type. Its fields are the owner's own (of that parent type) and the shared fields
 * associated with it. {@code objectType} is Close's association {@code object_type}; {@code parentId} is {@code ""}
 * for the first three.
 */
public record FieldScope(String objectType, String parentId) {

    public static final String CUSTOM_ACTIVITY_TYPE = "custom_activity_type";
    public static final String CUSTOM_OBJECT_TYPE = "custom_object_type";

    private static final Map<String, String> OWNERS = Map.of(
            CustomFieldOwner.LEAD, CustomFieldOwner.LEAD,
            CustomFieldOwner.CONTACT, CustomFieldOwner.CONTACT,
            CustomFieldOwner.OPPORTUNITY, CustomFieldOwner.OPPORTUNITY,
            CUSTOM_ACTIVITY_TYPE, CustomFieldOwner.ACTIVITY,
            CUSTOM_OBJECT_TYPE, CustomFieldOwner.CUSTOM_OBJECT_TYPE);

    /** Leads, contacts or opportunities. */
    public static FieldScope of(String owner) {
        return new FieldScope(owner, "");
    }

    public static FieldScope customObjectType(String typeId) {
        return new FieldScope(CUSTOM_OBJECT_TYPE, typeId);
    }

    static boolean isObjectType(String objectType) {
        return OWNERS.containsKey(objectType);
    }

    static boolean needsParent(String objectType) {
        return CUSTOM_ACTIVITY_TYPE.equals(objectType) || CUSTOM_OBJECT_TYPE.equals(objectType);
    }

    /** The owner of the scope's own fields ({@code /custom_field/<owner>/}). */
    String owner() {
        return OWNERS.get(objectType);
    }

    /** The path segment Close names an association by: {@code lead}, {@code custom_object_type/<id>}. */
    String path() {
        return parentId.isEmpty() ? objectType : objectType + "/" + parentId;
    }
}
