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

    /**
     * The tables holding values of the owner's fields (activity values live in activities-service); shared fields'
     * values may be anywhere their associations allow.
     */
    static List<String> tablesOfValues(String owner) {
        return switch (owner) {
            case LEAD, CONTACT, OPPORTUNITY -> List.of(owner);
            case CUSTOM_OBJECT_TYPE -> List.of("custom_object");
            case SHARED -> List.of(LEAD, CONTACT, OPPORTUNITY, "custom_object");
            default -> List.of();
        };
    }

    /** Close names the events of custom object fields {@code custom_fields.custom_object} (NOTES §7). */
    static String eventObjectType(String owner) {
        return "custom_fields." + (CUSTOM_OBJECT_TYPE.equals(owner) ? "custom_object" : owner);
    }
}
