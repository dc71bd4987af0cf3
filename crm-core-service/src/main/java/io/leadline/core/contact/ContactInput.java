package io.leadline.core.contact;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.platform.wire.Patch;
import io.leadline.platform.wire.RequestBody;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code /contact/} create or update body. The contact's own fields are read like a nested contact; which of them
 * were sent matters for the partial PUT. Problems that need the database (an unknown {@code lead_id}) are added to
 * the same error collector by the service before anything is written.
 */
final class ContactInput {

    static final String LEAD_ID = "lead_id";

    final RequestBody body;
    final ContactDraft draft;
    /** The lead to attach the contact to; null when not sent (create: a new lead; update: stay). */
    final String leadId;
    final Patch<String> name;
    final Patch<String> title;
    final Patch<List<Map<String, Object>>> emails;
    final Patch<List<Map<String, Object>>> phones;
    final Patch<List<Map<String, Object>>> urls;

    private ContactInput(RequestBody body, boolean update) {
        this.body = body;
        this.leadId = body.string(LEAD_ID, RequestBody.ID_LENGTH);
        if (body.isNull(LEAD_ID) && update) {
            body.fail(LEAD_ID, "A contact always belongs to a lead.");
        }
        this.draft = ContactDraft.read(body);
        this.name = Patch.read(body, "name", draft.name());
        this.title = Patch.read(body, "title", draft.title());
        this.emails = Patch.read(body, "emails", draft.emails());
        this.phones = Patch.read(body, "phones", draft.phones());
        this.urls = Patch.read(body, "urls", draft.urls());
    }

    static ContactInput forCreate(JsonNode json) {
        return new ContactInput(RequestBody.of(json), false);
    }

    static ContactInput forUpdate(JsonNode json) {
        return new ContactInput(RequestBody.of(json), true);
    }

    /** Applies the fields that were sent (custom values checked by CustomFieldValues); null clears or empties. */
    void applyTo(Contact contact, Map<String, Object> custom) {
        name.ifPresent(value -> contact.name = value);
        title.ifPresent(value -> contact.title = value);
        emails.ifPresent(contact::setEmails);
        phones.ifPresent(contact::setPhones);
        urls.ifPresent(contact::setUrls);
        if (!draft.custom().isEmpty()) {
            contact.custom = new LinkedHashMap<>(custom);
        }
    }
}
