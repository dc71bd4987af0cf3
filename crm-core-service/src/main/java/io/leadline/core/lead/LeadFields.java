package io.leadline.core.lead;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * What one child shows in its lead's wire form: {@code fields} laid over the lead's own (e.g. {@code contacts},
 * {@code contact_ids}, {@code primary_email}), and {@code displayName}, the name the lead shows when it has none of
 * its own (null when the child has nothing to offer).
 */
public record LeadFields(ObjectNode fields, String displayName) {

    public static LeadFields of(ObjectNode fields) {
        return new LeadFields(fields, null);
    }

    /** One array field, e.g. {@code opportunities} with their wire forms. */
    public static LeadFields ofArray(String field, List<? extends JsonNode> items) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.putArray(field).addAll(items);
        return of(fields);
    }
}
