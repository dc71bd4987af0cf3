package io.leadline.core.contact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadChild;
import io.leadline.core.lead.LeadFields;
import io.leadline.core.custom.CustomFieldOwner;
import io.leadline.core.custom.CustomFieldValues;
import io.leadline.core.lead.NewChildren;
import io.leadline.platform.events.DomainEvent;
import io.leadline.platform.id.Ids;
import io.leadline.platform.read.ReadTable;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.RequestBody;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A lead's contacts in its wire form: {@code contacts} (their documents, oldest first), {@code contact_ids}, and
 * what the lead derives from its first contacts ({@code display_name} when the lead has no name,
 * {@code primary_email}, {@code primary_phone}); the {@code contacts} of a lead POST; and the contacts' part of a
 * merge and of a lead's deletion. Runs inside the lead's session or transaction.
 */
@ApplicationScoped
public class LeadContacts implements LeadChild {

    static final String FIELD = "contacts";

    @Inject
    ContactRepository contacts;

    @Inject
    CustomFieldValues customValues;

    /** First: merges move contacts before what may refer to them. */
    @Override
    public int order() {
        return 1;
    }

    /** Opportunities and tasks may name a contact of the lead. */
    @Override
    public boolean referencedByOtherChildren() {
        return true;
    }

    /**
     * The five fields a lead takes from its contacts, from one visit of them (oldest first): the contacts and their
     * ids; the lead's name, else the first contact's display name that isn't blank, else ""; the first contact's
     * first email and first phone that exist.
     */
    @Override
    public void composeLeadFields(String lead, ReadTable.Builder leadTable) {
        leadTable.composedTogether(List.of("contacts", "contact_ids", "display_name", "primary_email", "primary_phone"),
                "(select jsonb_build_object("
                        + "'contacts', coalesce(jsonb_agg(lc.doc order by lc.id), '[]'::jsonb), "
                        + "'contact_ids', coalesce(jsonb_agg(lc.id order by lc.id), '[]'::jsonb), "
                        + "'display_name', case when " + lead + ".name ~ '\\S' then " + lead + ".name else coalesce("
                        + "(array_agg(lc.doc ->> 'display_name' order by lc.id)"
                        + " filter (where lc.doc ->> 'display_name' ~ '\\S'))[1], '') end, "
                        + "'primary_email', (array_agg(lc.doc -> 'emails' -> 0 order by lc.id)"
                        + " filter (where jsonb_array_length(lc.doc -> 'emails') > 0))[1], "
                        + "'primary_phone', (array_agg(lc.doc -> 'phones' -> 0 order by lc.id)"
                        + " filter (where jsonb_array_length(lc.doc -> 'phones') > 0))[1])"
                        + " from contact lc where lc.organization_id = " + lead + ".organization_id and lc.lead_id = "
                        + lead + ".id)");
    }

    @Override
    public Uni<LeadFields> fieldsOf(String organizationId, Lead lead) {
        return contacts.listOfLead(organizationId, lead.id).map(LeadContacts::fields);
    }

    /** The same fields as {@link #leadFields}, from the contacts' entities (oldest first). */
    static LeadFields fields(List<Contact> leadContacts) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode fields = json.objectNode();
        ArrayNode documents = fields.putArray("contacts");
        ArrayNode ids = fields.putArray("contact_ids");
        leadContacts.forEach(contact -> {
            documents.add(ContactJson.toJson(contact));
            ids.add(contact.id);
        });
        fields.set("primary_email", leadContacts.stream().filter(contact -> !contact.emails().isEmpty()).findFirst()
                .<JsonNode>map(contact -> ContactJson.email(contact.emails().get(0))).orElse(json.nullNode()));
        fields.set("primary_phone", leadContacts.stream().filter(contact -> !contact.phones().isEmpty()).findFirst()
                .<JsonNode>map(contact -> ContactJson.phone(contact.phones().get(0))).orElse(json.nullNode()));
        String displayName = leadContacts.stream().map(ContactJson::displayName).filter(name -> !name.isBlank())
                .findFirst().orElse(null);
        return new LeadFields(fields, displayName);
    }

    /**
     * A lead POST's {@code contacts}, each read like a {@code /contact/} body (errors under {@code contacts.N.…});
     * a lead PUT can't change them.
     */
    @Override
    public NewChildren readFromLeadBody(RequestBody body, boolean update) {
        if (update) {
            if (body.has(FIELD)) {
                body.fail(FIELD, "Contacts can't be changed here; use the /contact/ endpoints.");
            }
            return NewChildren.NONE;
        }
        ArrayNode array = body.array(FIELD);
        List<ContactDraft> drafts = new ArrayList<>();
        if (array == null) {
            return NewChildren.NONE;
        }
        for (int i = 0; i < array.size(); i++) {
            RequestBody contact = body.nested(FIELD, i, array.get(i));
            if (contact != null) {
                drafts.add(ContactDraft.read(contact));
            }
        }
        return (caller, lead, now) -> customValues.applyToNew(caller, CustomFieldOwner.CONTACT,
                drafts.stream().map(ContactDraft::custom).toList(), drafts.stream().map(ContactDraft::body).toList())
                .chain(custom -> {
                    List<Contact> created = newContacts(caller, lead, drafts, custom, now);
                    List<DomainEvent> events = created.stream().map(contact -> DomainEvent.created(caller,
                            ContactService.CONTACT, contact.id, lead.id, ContactJson.toJson(contact))).toList();
                    return created.isEmpty() ? Uni.createFrom().item(events)
                            : contacts.persist(created).replaceWith(events);
                });
    }

    /**
     * The nested contacts, with ids sorted so that the id order (which is also the read order) is the order the
     * client sent them in, even when two ids fall into the same microsecond.
     */
    private static List<Contact> newContacts(Caller caller, Lead lead, List<ContactDraft> drafts,
                                             List<Map<String, Object>> custom, Instant now) {
        List<String> ids = new ArrayList<>();
        drafts.forEach(draft -> ids.add(Ids.longId("cont")));
        Collections.sort(ids);
        List<Contact> created = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            created.add(drafts.get(i).toContact(ids.get(i), lead.id, caller, now, custom.get(i)));
        }
        return created;
    }

    @Override
    public Uni<List<DomainEvent>> moveAll(Caller caller, Lead from, Lead to, Instant now) {
        return contacts.listOfLead(caller.organizationId(), from.id).map(moving -> {
            List<DomainEvent> events = new ArrayList<>();
            for (Contact contact : moving) {
                ObjectNode previous = ContactJson.toJson(contact);
                contact.leadId = to.id;
                contact.touch(caller, now);
                DomainEvent.updated(caller, ContactService.CONTACT, contact.id, to.id, previous,
                        ContactJson.toJson(contact)).ifPresent(events::add);
            }
            return events;
        });
    }

    @Override
    public Uni<List<DomainEvent>> deleteAllOf(Caller caller, Lead lead) {
        String org = caller.organizationId();
        return LeadChild.deleteRows(contacts.listOfLead(org, lead.id), contact -> DomainEvent.deleted(caller,
                ContactService.CONTACT, contact.id, lead.id, ContactJson.toJson(contact)),
                () -> contacts.deleteOfLead(org, lead.id));
    }
}
