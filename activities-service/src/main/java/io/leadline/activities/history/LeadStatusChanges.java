package io.leadline.activities.history;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The own fields of a LeadStatusChange, alike whether crm-core's event or an import made it. */
final class LeadStatusChanges {

    private LeadStatusChanges() {
    }

    static ObjectNode fields(String oldStatusId, String oldStatusLabel, String newStatusId, String newStatusLabel) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.put("old_status_id", oldStatusId);
        fields.put("old_status_label", oldStatusLabel);
        fields.put("new_status_id", newStatusId);
        fields.put("new_status_label", newStatusLabel);
        return fields;
    }
}
