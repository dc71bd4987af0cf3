package io.leadline.core.lead;

import io.leadline.core.contact.Contact;

import java.util.List;

/** A lead with what its wire form needs from other tables: its status label and its contacts. */
public record LeadView(Lead lead, String statusLabel, List<Contact> contacts) {
}
