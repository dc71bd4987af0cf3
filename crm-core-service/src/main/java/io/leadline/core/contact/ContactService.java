package io.leadline.core.contact;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadJson;
import io.leadline.core.lead.LeadRepository;
import io.leadline.core.lead.LeadView;
import io.leadline.core.lead.NewLeads;
import io.leadline.platform.events.DomainEvent;
import io.leadline.platform.id.Ids;
import io.leadline.platform.outbox.Outbox;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.CloseDateTimes;
import io.leadline.platform.wire.CloseException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Contacts on {@code /contact/}. A contact belongs to one lead, whose {@code contact_ids} change when a contact is
 * added, moved or removed, so those changes also record {@code lead.updated}; edits of a contact's own fields don't
 * (NOTES §7). Every change writes its events to the outbox in the same transaction.
 */
@ApplicationScoped
public class ContactService {

    static final String CONTACT = "contact";
    static final String LEAD = "lead";

    @Inject
    ContactRepository contacts;

    @Inject
    LeadRepository leads;

    @Inject
    NewLeads newLeads;

    @Inject
    LeadJson leadJson;

    @Inject
    Outbox outbox;

    @WithTransaction
    public Uni<Contact> create(Caller caller, ContactInput input) {
        input.body.throwIfInvalid();
        if (input.leadId == null) {
            return createWithNewLead(caller, input);
        }
        return leads.lockInOrder(caller.organizationId(), List.of(input.leadId))
                .chain(() -> existingLead(caller, input))
                .chain(before -> addToLead(caller, input, before));
    }

    @WithTransaction
    public Uni<Contact> update(Caller caller, String id, ContactInput input) {
        // A body that is wrong on its own is refused before touching the database.
        input.body.throwIfInvalid();
        String org = caller.organizationId();
        return contacts.findInOrganization(org, id)
                .onItem().ifNull().failWith(CloseException::notFound)
                .chain(contact -> {
                    boolean moves = input.leadId != null && !input.leadId.equals(contact.leadId);
                    if (!moves) {
                        return updateInPlace(caller, contact, input);
                    }
                    return leads.lockInOrder(org, List.of(contact.leadId, input.leadId))
                            .chain(() -> leadView(org, contact.leadId))
                            .chain(source -> existingLead(caller, input)
                                    .chain(target -> move(caller, contact, input, source, target)));
                });
    }

    @WithTransaction
    public Uni<Void> delete(Caller caller, String id) {
        String org = caller.organizationId();
        return contacts.findInOrganization(org, id)
                .onItem().ifNull().failWith(CloseException::notFound)
                .chain(contact -> leads.lockInOrder(org, List.of(contact.leadId))
                        .chain(() -> leadView(org, contact.leadId))
                        .chain(before -> removeFromLead(caller, contact, before)));
    }

    private Uni<Void> removeFromLead(Caller caller, Contact contact, LeadView before) {
        ObjectNode previousContact = ContactJson.toJson(contact);
        ObjectNode previousLead = leadJson.toJson(before);
        LeadView after = withContacts(before, minus(before.contacts(), contact), caller, CloseDateTimes.now());
        List<DomainEvent> events = new ArrayList<>();
        events.add(DomainEvent.deleted(caller, CONTACT, contact.id, contact.leadId, previousContact));
        DomainEvent.updated(caller, LEAD, before.lead().id, before.lead().id, previousLead,
                leadJson.toJson(after)).ifPresent(events::add);
        return contacts.delete(contact).chain(() -> outbox.appendAll(events));
    }

    private Uni<Contact> addToLead(Caller caller, ContactInput input, LeadView before) {
        Instant now = CloseDateTimes.now();
        Contact contact = input.draft.toContact(Ids.longId("cont"), before.lead().id, caller, now);
        ObjectNode previousLead = leadJson.toJson(before);
        LeadView after = withContacts(before, plus(before.contacts(), contact), caller, now);
        List<DomainEvent> events = new ArrayList<>();
        events.add(DomainEvent.created(caller, CONTACT, contact.id, contact.leadId, ContactJson.toJson(contact)));
        DomainEvent.updated(caller, LEAD, after.lead().id, after.lead().id, previousLead,
                leadJson.toJson(after)).ifPresent(events::add);
        return contacts.persist(contact).chain(() -> outbox.appendAll(events)).replaceWith(contact);
    }

    private Uni<Contact> updateInPlace(Caller caller, Contact contact, ContactInput input) {
        ObjectNode previous = ContactJson.toJson(contact);
        input.applyTo(contact);
        contact.touch(caller, CloseDateTimes.now());
        return outbox.append(DomainEvent.updated(caller, CONTACT, contact.id, contact.leadId, previous,
                ContactJson.toJson(contact))).replaceWith(contact);
    }

    /** Moves the contact to another lead of the organization: both leads' contact lists change. */
    private Uni<Contact> move(Caller caller, Contact contact, ContactInput input, LeadView source, LeadView target) {
        // Wire forms before anything changes: the contact instance is shared with the source lead's contact list.
        ObjectNode previousContact = ContactJson.toJson(contact);
        ObjectNode previousSource = leadJson.toJson(source);
        ObjectNode previousTarget = leadJson.toJson(target);
        Instant now = CloseDateTimes.now();
        input.applyTo(contact);
        contact.leadId = target.lead().id;
        contact.touch(caller, now);
        LeadView sourceAfter = withContacts(source, minus(source.contacts(), contact), caller, now);
        LeadView targetAfter = withContacts(target, plus(target.contacts(), contact), caller, now);
        List<DomainEvent> events = new ArrayList<>();
        DomainEvent.updated(caller, CONTACT, contact.id, contact.leadId, previousContact,
                ContactJson.toJson(contact)).ifPresent(events::add);
        DomainEvent.updated(caller, LEAD, source.lead().id, source.lead().id, previousSource,
                leadJson.toJson(sourceAfter)).ifPresent(events::add);
        DomainEvent.updated(caller, LEAD, target.lead().id, target.lead().id, previousTarget,
                leadJson.toJson(targetAfter)).ifPresent(events::add);
        return outbox.appendAll(events).replaceWith(contact);
    }

    /** Close's behaviour without {@code lead_id}: a new lead named after the contact, recorded as lead.created. */
    private Uni<Contact> createWithNewLead(Caller caller, ContactInput input) {
        return newLeads.defaultStatus(caller.organizationId()).chain(status -> {
            Instant now = CloseDateTimes.now();
            Lead lead = newLeads.build(caller, input.draft.name(), status, now);
            Contact contact = input.draft.toContact(Ids.longId("cont"), lead.id, caller, now);
            return newLeads.store(caller, lead, status, List.of(contact))
                    .chain(() -> contacts.persist(contact))
                    .chain(() -> outbox.append(
                            DomainEvent.created(caller, CONTACT, contact.id, lead.id, ContactJson.toJson(contact))))
                    .replaceWith(contact);
        });
    }

    /** The lead named by the body's {@code lead_id}; unknown or another organization's is a field error. */
    private Uni<LeadView> existingLead(Caller caller, ContactInput input) {
        return leads.findWithStatusLabel(caller.organizationId(), input.leadId).chain(found -> {
            if (found == null) {
                input.body.fail(ContactInput.LEAD_ID, "Unknown lead: " + input.leadId + ".");
                input.body.throwIfInvalid();
            }
            return contacts.listOfLead(caller.organizationId(), found.lead().id)
                    .map(leadContacts -> new LeadView(found.lead(), found.statusLabel(), leadContacts));
        });
    }

    private Uni<LeadView> leadView(String org, String leadId) {
        return leads.findWithStatusLabel(org, leadId)
                .onItem().ifNull().failWith(() -> new IllegalStateException("contact without its lead " + leadId))
                .chain(found -> contacts.listOfLead(org, leadId)
                        .map(leadContacts -> new LeadView(found.lead(), found.statusLabel(), leadContacts)));
    }

    /** The lead after its contact list changed; a change of its contacts is a change of the lead. */
    private static LeadView withContacts(LeadView view, List<Contact> contactsAfter, Caller caller, Instant now) {
        Lead lead = view.lead();
        lead.touch(caller, now);
        return new LeadView(lead, view.statusLabel(), contactsAfter);
    }

    /** The list with the contact added at its place in id (creation) order, as the lead reads it back. */
    private static List<Contact> plus(List<Contact> list, Contact contact) {
        List<Contact> result = new ArrayList<>(minus(list, contact));
        result.add(contact);
        result.sort(Comparator.comparing(c -> c.id));
        return result;
    }

    private static List<Contact> minus(List<Contact> list, Contact contact) {
        return list.stream().filter(c -> !Objects.equals(c.id, contact.id)).toList();
    }
}
