package io.leadline.core.lead;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What one child shows in its lead's wire form: {@code fields} laid over the lead's own (e.g. {@code contacts},
 * {@code contact_ids}, {@code primary_email}), and {@code displayName}, the name the lead shows when it has none of
 * its own (null when the child has nothing to offer).
 */
public record LeadFields(ObjectNode fields, String displayName) {

    public static LeadFields of(ObjectNode fields) {
        return new LeadFields(fields, null);
    }
}
