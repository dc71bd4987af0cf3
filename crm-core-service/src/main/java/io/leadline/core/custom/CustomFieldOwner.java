package io.leadline.core.custom;

import java.util.List;

/** The kinds of object a custom field belongs to: its path segment, and its events' {@code custom_fields.<owner>}. */
public final class CustomFieldOwner {

    public static final String LEAD = "lead";
    public static final String CONTACT = "contact";
    public static final String OPPORTUNITY = "opportunity";
    public static final String ACTIVITY = "activity";
    public static final String SHARED = "shared";
    /** Fields of custom objects, each belonging to one custom object type ({@code custom_object_type_id}). */
    public static final String CUSTOM_OBJECT_TYPE = "custom_object_type";
    static final List<String> ALL = List.of(LEAD, CONTACT, OPPORTUNITY, ACTIVITY, SHARED, CUSTOM_OBJECT_TYPE);
    /** The owners whose values crm-core stores (activity values live in activities-service). */
    static final List<String> OF_CORE_OBJECTS = List.of(LEAD, CONTACT, OPPORTUNITY);

    private CustomFieldOwner() {
    }

    /** Close names the events of custom object fields {@code custom_fields.custom_object} (NOTES §7). */
    static String eventObjectType(String owner) {
        return "custom_fields." + (CUSTOM_OBJECT_TYPE.equals(owner) ? "custom_object" : owner);
    }
}
