package io.leadline.core.leadstatus;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Close's wire form of a lead status. */
public final class LeadStatusJson {

    private LeadStatusJson() {
    }

    public static ObjectNode toJson(LeadStatus status) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", status.id);
        json.put("label", status.label);
        return json;
    }
}
