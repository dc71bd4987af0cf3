package io.leadline.core.lead;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a merge combines two leads' own fields (Close documents no rule): the destination's values win, and only what
 * it leaves blank is taken from the source, so a merge never loses anything the destination's users entered.
 */
final class BlankFields {

    private BlankFields() {
    }

    static void fillFrom(Lead source, Lead destination) {
        if (isBlank(destination.name)) {
            destination.name = source.name;
        }
        if (isBlank(destination.description)) {
            destination.description = source.description;
        }
        if (isBlank(destination.url)) {
            destination.url = source.url;
        }
        if (destination.addresses().isEmpty() && !source.addresses().isEmpty()) {
            destination.setAddresses(source.addresses());
        }
        Map<String, Object> custom = new LinkedHashMap<>(source.custom);
        custom.putAll(destination.custom);
        // A new map, so Hibernate sees the jsonb column change.
        destination.custom = custom;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
