package io.leadline.core.lead;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.core.contact.Contact;
import io.leadline.core.contact.ContactDraft;
import io.leadline.core.contact.ContactJson;
import io.leadline.core.contact.ContactRepository;
import io.leadline.core.custom.CustomValues;
import io.leadline.core.opportunity.LeadOpportunities;
import io.leadline.core.leadstatus.LeadStatus;
import io.leadline.core.leadstatus.LeadStatusRepository;
import io.leadline.core.task.LeadTasks;
import io.leadline.platform.events.DomainEvent;
import io.leadline.platform.id.Ids;
import io.leadline.platform.outbox.Outbox;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.CloseDateTimes;
import io.leadline.platform.wire.CloseException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Leads and their nested contacts; every change writes its events to the outbox in the same transaction. */
@ApplicationScoped
public class LeadService {

    static final String LEAD = "lead";
    static final String CONTACT = "contact";

    @Inject
    LeadRepository leads;

    @Inject
    ContactRepository contacts;

    @Inject
    LeadStatusRepository statuses;

    @Inject
    LeadJson leadJson;

    @Inject
    Outbox outbox;

    @Inject
    LeadTasks leadTasks;

    @Inject
    LeadOpportunities leadOpportunities;

    @Inject
    NewLeads newLeads;

    @WithTransaction
    public Uni<LeadView> create(Caller caller, LeadInput input) {
        return statuses.candidates(caller.organizationId(), input.statusId, input.statusLabel).chain(candidates -> {
            LeadStatus status = LeadStatusChoice.choose(input, candidates).orElse(null);
            input.body.throwIfInvalid();
            Instant now = CloseDateTimes.now();
            Lead lead = newLeads.build(caller, input.name.value(), status, now);
            lead.description = input.description.value();
            lead.url = input.url.value();
            lead.setAddresses(input.addresses.orElse(List.of()));
            lead.custom = CustomValues.merge(Map.of(), input.custom);
            List<Contact> created = newContacts(caller, lead, input.contacts, now);
            List<DomainEvent> events = created.stream().map(contact ->
                    DomainEvent.created(caller, CONTACT, contact.id, lead.id, ContactJson.toJson(contact))).toList();
            return newLeads.store(caller, lead, status, created)
                    .call(() -> created.isEmpty() ? Uni.createFrom().voidItem() : contacts.persist(created))
                    .call(() -> outbox.appendAll(events));
        });
    }

    @WithTransaction
    public Uni<LeadView> update(Caller caller, String id, LeadInput input) {
        // A body that is wrong on its own is refused before touching the database.
        input.body.throwIfInvalid();
        String org = caller.organizationId();
        return loadView(org, id).chain(before -> {
            ObjectNode previous = leadJson.toJson(before);
            Uni<List<LeadStatus>> orgStatuses = input.changesStatus()
                    ? statuses.candidates(org, input.statusId, input.statusLabel) : Uni.createFrom().item(List.of());
            return orgStatuses.chain(statusRows -> {
                String label = before.statusLabel();
                if (input.changesStatus()) {
                    LeadStatus status = LeadStatusChoice.choose(input, statusRows).orElse(null);
                    input.body.throwIfInvalid();
                    before.lead().statusId = status.id;
                    label = status.label;
                }
                Lead lead = before.lead();
                applyChanges(caller, lead, input);
                LeadView after = new LeadView(lead, label, before.contacts(), before.tasks(), before.opportunities());
                ObjectNode data = leadJson.toJson(after);
                return outbox.append(DomainEvent.updated(caller, LEAD, lead.id, lead.id, previous, data))
                        .replaceWith(after);
            });
        });
    }

    @WithTransaction
    public Uni<Void> delete(Caller caller, String id) {
        String org = caller.organizationId();
        return loadView(org, id).chain(view -> {
            List<DomainEvent> events = new ArrayList<>();
            view.contacts().forEach(contact -> events.add(
                    DomainEvent.deleted(caller, CONTACT, contact.id, id, ContactJson.toJson(contact))));
            events.add(DomainEvent.deleted(caller, LEAD, id, id, leadJson.toJson(view)));
            // Children first, each answering its events (opportunities, then tasks), then contacts, then the lead.
            return leadOpportunities.deleteAllOf(caller, view.lead())
                    .chain(opportunityEvents -> leadTasks.deleteAllOf(caller, view.lead())
                            .invoke(taskEvents -> {
                                events.addAll(0, taskEvents);
                                events.addAll(0, opportunityEvents);
                            }))
                    .chain(() -> contacts.delete("organizationId = :org and leadId = :lead",
                            Parameters.with("org", org).and("lead", id)))
                    .chain(() -> leads.delete(view.lead()))
                    .chain(() -> outbox.appendAll(events));
        });
    }

    /** The lead with everything its wire form shows; 404 when the organization has no such lead. */
    Uni<LeadView> loadView(String org, String id) {
        return leads.findWithStatusLabel(org, id)
                .onItem().ifNull().failWith(CloseException::notFound)
                .chain(found -> contacts.listOfLead(org, id)
                        .map(leadContacts -> new LeadView(found.lead(), found.statusLabel(), leadContacts)))
                .chain(view -> leadTasks.incompleteByLead(org, List.of(view.lead()))
                        .map(tasks -> view.withTasks(tasks.getOrDefault(id, List.of()))))
                .chain(view -> leadOpportunities.ofLead(org, id).map(view::withOpportunities));
    }

    /**
     * The nested contacts, with ids sorted so that the id order (which is also the read order) is the order the
     * client sent them in, even when two ids fall into the same microsecond.
     */
    private static List<Contact> newContacts(Caller caller, Lead lead, List<ContactDraft> drafts, Instant now) {
        List<String> ids = new ArrayList<>();
        drafts.forEach(draft -> ids.add(Ids.longId("cont")));
        Collections.sort(ids);
        List<Contact> created = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            created.add(drafts.get(i).toContact(ids.get(i), lead.id, caller, now));
        }
        return created;
    }

    private static void applyChanges(Caller caller, Lead lead, LeadInput input) {
        if (input.name.isPresent()) {
            lead.name = input.name.value();
        }
        if (input.description.isPresent()) {
            lead.description = input.description.value();
        }
        if (input.url.isPresent()) {
            lead.url = input.url.value();
        }
        if (input.addresses.isPresent()) {
            lead.setAddresses(input.addresses.value());
        }
        if (!input.custom.isEmpty()) {
            lead.custom = CustomValues.merge(lead.custom, input.custom);
        }
        lead.touch(caller, CloseDateTimes.now());
    }
}
