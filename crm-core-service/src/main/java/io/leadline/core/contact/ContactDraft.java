package io.leadline.core.contact;

import io.leadline.core.custom.CustomValues;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.RequestBody;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A contact as written in a request body (its {@code body} collects its errors) (nested in a lead, or on {@code /contact/}), validated field by
 * field; errors go to the body's collector under {@code contacts.N.…}.
 */
public record ContactDraft(String name, String title, List<Map<String, Object>> emails,
                           List<Map<String, Object>> phones, List<Map<String, Object>> urls,
                           List<CustomValues.Change> custom, RequestBody body) {

    static final String DEFAULT_TYPE = "office";
    /** Emails, phones and URLs per contact: a person has a handful; ours (Close is silent) is a bound, not a quota. */
    static final int MAX_ITEMS = 50;

    public static ContactDraft read(RequestBody body) {
        return new ContactDraft(
                body.string("name", RequestBody.NAME_LENGTH),
                body.string("title"),
                items(body, "emails", "email", ContactDraft::email),
                items(body, "phones", "phone", ContactDraft::phone),
                items(body, "urls", "url", ContactDraft::url),
                CustomValues.read(body),
                body);
    }

    /** The new contact, with its custom values already checked ({@code CustomFieldValues}). */
    public Contact toContact(String id, String leadId, Caller caller, Instant now, Map<String, Object> customValues) {
        Contact contact = new Contact();
        contact.id = id;
        contact.organizationId = caller.organizationId();
        contact.leadId = leadId;
        contact.name = name;
        contact.title = title;
        contact.setEmails(emails);
        contact.setPhones(phones);
        contact.setUrls(urls);
        contact.custom = new LinkedHashMap<>(customValues);
        contact.recordCreation(caller, now);
        return contact;
    }

    private interface ItemReader {
        Optional<String> read(String value);
    }

    private static List<Map<String, Object>> items(RequestBody body, String field, String key, ItemReader reader) {
        ArrayNode array = body.array(field, MAX_ITEMS);
        List<Map<String, Object>> items = new ArrayList<>();
        if (array == null) {
            return items;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            RequestBody item = body.nested(field, i, element);
            if (item == null) {
                continue;
            }
            String value = item.requiredString(key);
            String type = item.string("type");
            if (value == null) {
                continue;
            }
            Optional<String> valid = reader.read(value);
            if (valid.isEmpty()) {
                item.fail(key, "Enter a valid " + key + ".");
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put(key, valid.get());
            entry.put("type", type == null || type.isBlank() ? DEFAULT_TYPE : type);
            items.add(entry);
        }
        return items;
    }

    private static Optional<String> email(String value) {
        String trimmed = value.trim();
        int at = trimmed.indexOf('@');
        boolean plausible = at > 0 && at == trimmed.lastIndexOf('@') && at < trimmed.length() - 1
                && trimmed.chars().noneMatch(Character::isWhitespace);
        return plausible ? Optional.of(trimmed) : Optional.empty();
    }

    private static Optional<String> phone(String value) {
        return PhoneNumbers.normalize(value);
    }

    private static Optional<String> url(String value) {
        String trimmed = value.trim();
        return trimmed.isEmpty() ? Optional.empty() : Optional.of(trimmed);
    }
}
