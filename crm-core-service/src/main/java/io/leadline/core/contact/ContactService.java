package io.leadline.core.contact;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.core.custom.CustomFieldOwner;
import io.leadline.core.custom.CustomFieldValues;
import io.leadline.core.lead.Lead;
import io.leadline.core.leadstatus.LeadStatus;
import io.leadline.core.lead.ParentLeads;
import io.leadline.core.lead.LeadView;
import io.leadline.core.lead.NewChildren;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Contacts on {@code /contact/}. A contact belongs to one lead, whose {@code contact_ids} change when a contact is
 * added, moved or removed, so those changes also record {@code lead.updated}; edits of a contact's own fields don't
 * (NOTES §7). Every change writes its events to the outbox in the same transaction.
 */
@ApplicationScoped
public class ContactService {

    static final String CONTACT = "contact";

    @Inject
    ContactRepository contacts;

    @Inject
    ParentLeads leads;

    @Inject
    NewLeads newLeads;

    @Inject
    Outbox outbox;

    @Inject
    CustomFieldValues customValues;

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
                                    .chain(target -> customOf(caller, input, target.lead().id, contact.custom)
                                            .chain(custom -> move(caller, contact, input, source, target, custom))));
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
        DomainEvent deleted = DomainEvent.deleted(caller, CONTACT, contact.id, contact.leadId,
                ContactJson.toJson(contact));
        return contacts.delete(contact)
                .chain(() -> leads.childrenChanged(caller, before, CloseDateTimes.now()))
                .chain(leadUpdated -> outbox.appendAll(events(deleted, leadUpdated)));
    }

    private Uni<Contact> addToLead(Caller caller, ContactInput input, LeadView before) {
        return customOf(caller, input, before.lead().id, Map.of()).chain(custom -> addToLead(caller, input, before, custom));
    }

    private Uni<Contact> addToLead(Caller caller, ContactInput input, LeadView before, Map<String, Object> custom) {
        Instant now = CloseDateTimes.now();
        Contact contact = input.draft.toContact(Ids.longId("cont"), before.lead().id, caller, now, custom);
        DomainEvent created = DomainEvent.created(caller, CONTACT, contact.id, contact.leadId,
                ContactJson.toJson(contact));
        return contacts.persist(contact)
                .chain(() -> leads.childrenChanged(caller, before, now))
                .chain(leadUpdated -> outbox.appendAll(events(created, leadUpdated)))
                .replaceWith(contact);
    }

    private Uni<Contact> updateInPlace(Caller caller, Contact contact, ContactInput input) {
        return customOf(caller, input, contact.leadId, contact.custom)
                .chain(custom -> updateInPlace(caller, contact, input, custom));
    }

    private Uni<Contact> updateInPlace(Caller caller, Contact contact, ContactInput input, Map<String, Object> custom) {
        ObjectNode previous = ContactJson.toJson(contact);
        input.applyTo(contact, custom);
        contact.touch(caller, CloseDateTimes.now());
        return outbox.append(DomainEvent.updated(caller, CONTACT, contact.id, contact.leadId, previous,
                ContactJson.toJson(contact))).replaceWith(contact);
    }

    /** Moves the contact to another lead of the organization: both leads' contact lists change. */
    private Uni<Contact> move(Caller caller, Contact contact, ContactInput input, LeadView source, LeadView target,
                              Map<String, Object> custom) {
        ObjectNode previousContact = ContactJson.toJson(contact);
        Instant now = CloseDateTimes.now();
        input.applyTo(contact, custom);
        contact.leadId = target.lead().id;
        contact.touch(caller, now);
        List<DomainEvent> events = new ArrayList<>();
        DomainEvent.updated(caller, CONTACT, contact.id, contact.leadId, previousContact,
                ContactJson.toJson(contact)).ifPresent(events::add);
        return leads.childrenChanged(caller, source, now).invoke(event -> event.ifPresent(events::add))
                .chain(() -> leads.childrenChanged(caller, target, now)).invoke(event -> event.ifPresent(events::add))
                .chain(() -> outbox.appendAll(events))
                .replaceWith(contact);
    }

    /** Close's behaviour without {@code lead_id}: a new lead named after the contact, recorded as lead.created. */
    private Uni<Contact> createWithNewLead(Caller caller, ContactInput input) {
        // The new lead has no other contact a contact field could name (leadId null).
        return customOf(caller, input, null, Map.of()).chain(custom -> newLeads.defaultStatus(caller.organizationId())
                .chain(status -> createWithNewLead(caller, input, status, custom)));
    }

    private Uni<Contact> createWithNewLead(Caller caller, ContactInput input, LeadStatus status,
                                           Map<String, Object> custom) {
        Instant now = CloseDateTimes.now();
        Lead lead = newLeads.build(caller, input.draft.name(), status, now);
        Contact contact = input.draft.toContact(Ids.longId("cont"), lead.id, caller, now, custom);
        NewChildren founder = (c, owner, at) -> contacts.persist(contact).replaceWith(List.of(
                DomainEvent.created(caller, CONTACT, contact.id, owner.id, ContactJson.toJson(contact))));
        return newLeads.store(caller, lead, status, founder, now).replaceWith(contact);
    }

    /** The lead named by the body's {@code lead_id}; unknown or another organization's is a field error. */
    private Uni<LeadView> existingLead(Caller caller, ContactInput input) {
        return leads.find(caller.organizationId(), input.leadId).invoke(found -> {
            if (found == null) {
                input.body.fail(ContactInput.LEAD_ID, "Unknown lead: " + input.leadId + ".");
                input.body.throwIfInvalid();
            }
        });
    }

    /** The body's custom values checked against the organization's contact fields and applied to {@code stored}. */
    private Uni<Map<String, Object>> customOf(Caller caller, ContactInput input, String leadId,
                                              Map<String, Object> stored) {
        return customValues.apply(caller, CustomFieldOwner.CONTACT, leadId, stored, input.draft.custom(), input.body);
    }

    private Uni<LeadView> leadView(String org, String leadId) {
        return leads.find(org, leadId)
                .onItem().ifNull().failWith(() -> new IllegalStateException("contact without its lead " + leadId));
    }

    /** The contact's event, then its lead's {@code lead.updated} when the lead's wire form changed. */
    private static List<DomainEvent> events(DomainEvent contactEvent, Optional<DomainEvent> leadUpdated) {
        List<DomainEvent> events = new ArrayList<>();
        events.add(contactEvent);
        leadUpdated.ifPresent(events::add);
        return events;
    }
}
