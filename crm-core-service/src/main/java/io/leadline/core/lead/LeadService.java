package io.leadline.core.lead;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.core.contact.Contact;
import io.leadline.core.contact.ContactDraft;
import io.leadline.core.contact.ContactJson;
import io.leadline.core.contact.ContactRepository;
import io.leadline.core.custom.CustomValues;
import io.leadline.core.opportunity.LeadOpportunities;
import io.leadline.core.opportunity.OpportunityService;
import io.leadline.core.status.LeadStatus;
import io.leadline.core.status.LeadStatusRepository;
import io.leadline.core.task.LeadTasks;
import io.leadline.platform.events.DomainEvent;
import io.leadline.platform.id.Ids;
import io.leadline.platform.outbox.Outbox;
import io.leadline.platform.persistence.ReadOnlySessions;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.CloseDateTimes;
import io.leadline.platform.wire.CloseException;
import io.leadline.platform.wire.ListPage;
import io.leadline.platform.wire.ListQuery;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
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
import java.util.stream.Collectors;

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
    OpportunityService opportunities;

    @Inject
    LeadTasks leadTasks;

    @Inject
    LeadOpportunities leadOpportunities;

    @WithSession
    public Uni<LeadView> get(Caller caller, String id) {
        return ReadOnlySessions.begin().chain(() -> loadView(caller.organizationId(), id));
    }

    /**
     * A page of leads. Contacts and status labels are loaded once for the whole page, and only when the requested
     * fields need them.
     */
    @WithSession
    public Uni<ListPage<LeadView>> list(Caller caller, ListQuery query, boolean needsContacts, boolean needsLabels) {
        String org = caller.organizationId();
        return ReadOnlySessions.begin().chain(() -> leads.pageWithOneMore(org, query)).chain(rows -> {
            ListPage<Lead> page = ListPage.fromOverfetch(rows, query.limit());
            List<String> ids = page.data().stream().map(lead -> lead.id).toList();
            Uni<List<Contact>> pageContacts = needsContacts && !ids.isEmpty()
                    ? contacts.listOfLeads(org, ids) : Uni.createFrom().item(List.of());
            return pageContacts.chain(contactRows -> labels(org, needsLabels && !ids.isEmpty()).map(labels -> {
                Map<String, List<Contact>> byLead = contactRows.stream()
                        .collect(Collectors.groupingBy(contact -> contact.leadId));
                List<LeadView> views = page.data().stream().map(lead -> new LeadView(lead, labels.get(lead.statusId),
                        byLead.getOrDefault(lead.id, List.of()))).toList();
                return new ListPage<>(views, page.hasMore(), null);
            })).chain(views -> withTasks(org, views, query.fields().wants("tasks")))
                    .chain(views -> withOpportunities(org, views, query.fields().wants("opportunities")));
        });
    }

    @WithTransaction
    public Uni<LeadView> create(Caller caller, LeadInput input) {
        return statuses.listOrdered(caller.organizationId()).chain(orgStatuses -> {
            LeadStatus status = LeadStatusChoice.choose(input, orgStatuses).orElse(null);
            input.body.throwIfInvalid();
            Instant now = CloseDateTimes.now();
            Lead lead = newLead(caller, input, status, now);
            List<Contact> created = newContacts(caller, lead, input.contacts, now);
            LeadView view = new LeadView(lead, status.label, created);
            ObjectNode data = leadJson.toJson(view);
            List<DomainEvent> events = new ArrayList<>();
            events.add(DomainEvent.created(caller, LEAD, lead.id, lead.id, data));
            created.forEach(contact -> events.add(
                    DomainEvent.created(caller, CONTACT, contact.id, lead.id, ContactJson.toJson(contact))));
            return leads.persist(lead)
                    .chain(() -> created.isEmpty() ? Uni.createFrom().voidItem() : contacts.persist(created))
                    .chain(() -> outbox.appendAll(events))
                    .replaceWith(view);
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
                    ? statuses.listOrdered(org) : Uni.createFrom().item(List.of());
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
            return opportunities.deleteOfLead(caller, id)
                    .chain(() -> leadTasks.deleteAllOf(caller, view.lead()))
                    .invoke(taskEvents -> events.addAll(0, taskEvents))
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
                .chain(view -> leadOpportunities.byLead(org, List.of(id))
                        .map(found -> view.withOpportunities(found.getOrDefault(id, List.of()))));
    }

    /** The opportunities of a page of leads, in one query, and only when the requested fields show them. */
    private Uni<ListPage<LeadView>> withOpportunities(String org, ListPage<LeadView> page, boolean needed) {
        if (!needed || page.data().isEmpty()) {
            return Uni.createFrom().item(page);
        }
        return leadOpportunities.byLead(org, page.data().stream().map(view -> view.lead().id).toList())
                .map(found -> new ListPage<>(page.data().stream()
                        .map(view -> view.withOpportunities(found.getOrDefault(view.lead().id, List.of()))).toList(),
                        page.hasMore(), null));
    }

    /** The incomplete tasks of a page of leads, in one query, and only when the requested fields show them. */
    private Uni<ListPage<LeadView>> withTasks(String org, ListPage<LeadView> page, boolean needed) {
        if (!needed || page.data().isEmpty()) {
            return Uni.createFrom().item(page);
        }
        return leadTasks.incompleteByLead(org, page.data().stream().map(LeadView::lead).toList())
                .map(tasks -> new ListPage<>(page.data().stream()
                        .map(view -> view.withTasks(tasks.getOrDefault(view.lead().id, List.of()))).toList(),
                        page.hasMore(), null));
    }

    private Uni<Map<String, String>> labels(String org, boolean needed) {
        if (!needed) {
            return Uni.createFrom().item(Collections.emptyMap());
        }
        return statuses.listOrdered(org).map(rows -> rows.stream()
                .collect(Collectors.toMap(status -> status.id, status -> status.label, (a, b) -> a)));
    }

    private static Lead newLead(Caller caller, LeadInput input, LeadStatus status, Instant now) {
        Lead lead = new Lead();
        lead.id = Ids.longId("lead");
        lead.organizationId = caller.organizationId();
        lead.name = input.name.value();
        lead.description = input.description.value();
        lead.url = input.url.value();
        lead.statusId = status.id;
        lead.setAddresses(input.addresses.orElse(List.of()));
        lead.custom = CustomValues.merge(Map.of(), input.custom);
        lead.recordCreation(caller, now);
        return lead;
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
