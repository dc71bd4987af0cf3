package io.leadline.core.lead;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.core.CoreConfig;
import io.leadline.core.custom.CustomValues;
import io.leadline.platform.wire.CloseDateTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

/**
 * Close's wire form of a lead: its own fields, with the fields of its children (contacts, opportunities, tasks) laid
 * over them as each child rendered them ({@link LeadFields}).
 */
@ApplicationScoped
public class LeadJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Inject
    CoreConfig config;

    public ObjectNode toJson(LeadView view) {
        Lead lead = view.lead();
        ObjectNode json = JSON.objectNode();
        json.put("id", lead.id);
        json.put("organization_id", lead.organizationId);
        json.put("name", lead.name);
        json.put("display_name", displayName(view));
        json.put("description", lead.description == null ? "" : lead.description);
        json.put("url", lead.url);
        json.put("status_id", lead.statusId);
        json.put("status_label", view.statusLabel());
        ArrayNode addresses = json.putArray("addresses");
        lead.addresses().forEach(address -> addresses.add(address(address)));
        json.putArray("integration_links");
        json.put("html_url", config.appUrl() + "/lead/" + lead.id + "/");
        json.put("created_by", lead.createdBy);
        json.put("created_by_name", lead.createdByName);
        json.put("updated_by", lead.updatedBy);
        json.put("updated_by_name", lead.updatedByName);
        json.put("date_created", CloseDateTimes.format(lead.dateCreated));
        json.put("date_updated", CloseDateTimes.format(lead.dateUpdated));
        CustomValues.write(lead.custom, json);
        view.children().forEach(child -> json.setAll(child.fields()));
        return json;
    }

    /** The lead's name, else the first name a child offers (its first contact's), so lists never show a blank row. */
    static String displayName(LeadView view) {
        if (view.lead().name != null && !view.lead().name.isBlank()) {
            return view.lead().name;
        }
        return view.children().stream().map(LeadFields::displayName)
                .filter(name -> name != null && !name.isBlank()).findFirst().orElse("");
    }

    private static ObjectNode address(Map<String, Object> address) {
        ObjectNode json = JSON.objectNode();
        address.forEach((key, value) -> json.put(key, value == null ? null : String.valueOf(value)));
        return json;
    }
}
