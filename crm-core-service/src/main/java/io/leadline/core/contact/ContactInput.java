package io.leadline.core.contact;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.platform.wire.RequestBody;

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

    private ContactInput(RequestBody body, boolean update) {
        this.body = body;
        this.leadId = body.string(LEAD_ID);
        if (body.isNull(LEAD_ID) && update) {
            body.fail(LEAD_ID, "A contact always belongs to a lead.");
        }
        this.draft = ContactDraft.read(body);
    }

    static ContactInput forCreate(JsonNode json) {
        return new ContactInput(RequestBody.of(json), false);
    }

    static ContactInput forUpdate(JsonNode json) {
        return new ContactInput(RequestBody.of(json), true);
    }

    /** Applies the fields that were sent; null clears a text field or empties a list. */
    void applyTo(Contact contact) {
        if (body.has("name")) {
            contact.name = draft.name();
        }
        if (body.has("title")) {
            contact.title = draft.title();
        }
        if (body.has("emails")) {
            contact.setEmails(draft.emails());
        }
        if (body.has("phones")) {
            contact.setPhones(draft.phones());
        }
        if (body.has("urls")) {
            contact.setUrls(draft.urls());
        }
        if (!draft.custom().isEmpty()) {
            contact.custom = CustomFieldValues.merge(contact.custom, draft.custom());
        }
    }
}
