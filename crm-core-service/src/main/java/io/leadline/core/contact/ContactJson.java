package io.leadline.core.contact;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.core.custom.CustomValues;
import io.leadline.platform.wire.CloseDateTimes;

import java.util.List;
import java.util.Map;

/** Close's wire form of a contact. */
public final class ContactJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ContactJson() {
    }

    public static ObjectNode toJson(Contact contact) {
        ObjectNode json = JSON.objectNode();
        json.put("id", contact.id);
        json.put("organization_id", contact.organizationId);
        json.put("lead_id", contact.leadId);
        json.put("name", contact.name);
        json.put("title", contact.title);
        json.put("display_name", displayName(contact));
        json.set("emails", emails(contact.emails()));
        json.set("phones", phones(contact.phones()));
        json.set("urls", urls(contact.urls()));
        json.putArray("integration_links");
        json.put("created_by", contact.createdBy);
        json.put("updated_by", contact.updatedBy);
        json.put("date_created", CloseDateTimes.format(contact.dateCreated));
        json.put("date_updated", CloseDateTimes.format(contact.dateUpdated));
        CustomValues.write(contact.custom, json);
        return json;
    }

    /** What Close shows for a contact without a name: its first email, else its first phone. */
    public static String displayName(Contact contact) {
        if (contact.name != null && !contact.name.isBlank()) {
            return contact.name;
        }
        if (!contact.emails().isEmpty()) {
            return String.valueOf(contact.emails().get(0).get("email"));
        }
        if (!contact.phones().isEmpty()) {
            return PhoneNumbers.format(String.valueOf(contact.phones().get(0).get("phone")));
        }
        return "";
    }

    public static ObjectNode email(Map<String, Object> email) {
        ObjectNode json = JSON.objectNode();
        json.put("email", String.valueOf(email.get("email")));
        json.put("type", String.valueOf(email.get("type")));
        // False until the unsubscribe list exists; it will be projected from unsubscribed_email events.
        json.put("is_unsubscribed", false);
        return json;
    }

    public static ObjectNode phone(Map<String, Object> phone) {
        String number = String.valueOf(phone.get("phone"));
        ObjectNode json = JSON.objectNode();
        json.put("phone", number);
        json.put("phone_formatted", PhoneNumbers.format(number));
        json.put("type", String.valueOf(phone.get("type")));
        return json;
    }

    private static ArrayNode emails(List<Map<String, Object>> emails) {
        ArrayNode array = JSON.arrayNode();
        emails.forEach(email -> array.add(email(email)));
        return array;
    }

    private static ArrayNode phones(List<Map<String, Object>> phones) {
        ArrayNode array = JSON.arrayNode();
        phones.forEach(phone -> array.add(phone(phone)));
        return array;
    }

    private static ArrayNode urls(List<Map<String, Object>> urls) {
        ArrayNode array = JSON.arrayNode();
        urls.forEach(url -> array.addObject()
                .put("url", String.valueOf(url.get("url")))
                .put("type", String.valueOf(url.get("type"))));
        return array;
    }
}
