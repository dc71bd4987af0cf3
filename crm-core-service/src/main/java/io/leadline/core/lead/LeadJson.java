package io.leadline.core.lead;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.core.CoreConfig;
import io.leadline.core.contact.Contact;
import io.leadline.core.contact.ContactJson;
import io.leadline.core.custom.CustomValues;
import io.leadline.platform.wire.CloseDateTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

/** Close's wire form of a lead, which embeds its contacts and derives display and primary fields from them. */
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
        ArrayNode contacts = json.putArray("contacts");
        ArrayNode contactIds = json.putArray("contact_ids");
        for (Contact contact : view.contacts()) {
            contacts.add(ContactJson.toJson(contact));
            contactIds.add(contact.id);
        }
        ArrayNode addresses = json.putArray("addresses");
        lead.addresses().forEach(address -> addresses.add(address(address)));
        ArrayNode opportunities = json.putArray("opportunities");
        view.opportunities().forEach(opportunities::add);
        ArrayNode tasks = json.putArray("tasks");
        view.tasks().forEach(tasks::add);
        json.putArray("integration_links");
        json.put("html_url", config.appUrl() + "/lead/" + lead.id + "/");
        json.set("primary_email", primaryEmail(view));
        json.set("primary_phone", primaryPhone(view));
        json.put("created_by", lead.createdBy);
        json.put("created_by_name", lead.createdByName);
        json.put("updated_by", lead.updatedBy);
        json.put("updated_by_name", lead.updatedByName);
        json.put("date_created", CloseDateTimes.format(lead.dateCreated));
        json.put("date_updated", CloseDateTimes.format(lead.dateUpdated));
        CustomValues.write(lead.custom, json);
        return json;
    }

    /** The lead's name, else its first contact's display name, so lists never show a blank row. */
    static String displayName(LeadView view) {
        if (view.lead().name != null && !view.lead().name.isBlank()) {
            return view.lead().name;
        }
        return view.contacts().stream().map(ContactJson::displayName).filter(name -> !name.isBlank())
                .findFirst().orElse("");
    }

    private static ObjectNode address(Map<String, Object> address) {
        ObjectNode json = JSON.objectNode();
        address.forEach((key, value) -> json.put(key, value == null ? null : String.valueOf(value)));
        return json;
    }

    private static JsonNode primaryEmail(LeadView view) {
        return view.contacts().stream().filter(contact -> !contact.emails().isEmpty())
                .findFirst()
                .<JsonNode>map(contact -> ContactJson.email(contact.emails().get(0)))
                .orElse(JSON.nullNode());
    }

    private static JsonNode primaryPhone(LeadView view) {
        return view.contacts().stream().filter(contact -> !contact.phones().isEmpty())
                .findFirst()
                .<JsonNode>map(contact -> ContactJson.phone(contact.phones().get(0)))
                .orElse(JSON.nullNode());
    }
}
