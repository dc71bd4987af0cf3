package io.leadline.core.opportunity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.core.contact.Contact;
import io.leadline.core.contact.ContactRepository;
import io.leadline.core.custom.CustomFieldOwner;
import io.leadline.core.custom.CustomFieldValues;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadRepository;
import io.leadline.core.lead.LeadView;
import io.leadline.core.lead.NewChildren;
import io.leadline.core.lead.NewLeads;
import io.leadline.core.opportunitystatus.OpportunityStatus;
import io.leadline.core.opportunitystatus.OpportunityStatusRepository;
import io.leadline.core.pipeline.PipelineRepository;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Opportunities; every change writes its event to the outbox in the same transaction. */
@ApplicationScoped
public class OpportunityService {

    static final String OPPORTUNITY = "opportunity";
    static final String UNTITLED = "Untitled";

    @Inject
    OpportunityRepository opportunities;

    @Inject
    OpportunityStatusRepository statuses;

    @Inject
    PipelineRepository pipelines;

    @Inject
    LeadRepository leads;

    @Inject
    ContactRepository contacts;

    @Inject
    NewLeads newLeads;

    @Inject
    Outbox outbox;

    @Inject
    CustomFieldValues customValues;

    @WithTransaction
    public Uni<OpportunityView> create(Caller caller, OpportunityInput input) {
        String org = caller.organizationId();
        return references(org, input).chain(refs -> {
            OpportunityStatus status = refs.choice().choose(input, null).orElse(null);
            checkContact(input, refs.lead(), refs.contact());
            // Without lead_id the opportunity gets a new lead, which has no contact a contact field could name.
            String leadId = refs.lead() == null ? null : refs.lead().id;
            return customValues.apply(caller, CustomFieldOwner.OPPORTUNITY, leadId, Map.of(), input.custom, input.body)
                    .chain(custom -> create(caller, input, refs, status, custom));
        });
    }

    private Uni<OpportunityView> create(Caller caller, OpportunityInput input, References refs,
                                        OpportunityStatus status, Map<String, Object> custom) {
        input.body.throwIfInvalid();
        Uni<Lead> lead = refs.lead() != null ? Uni.createFrom().item(refs.lead()) : untitledLead(caller);
        return lead.chain(owner -> {
            Opportunity opportunity = newOpportunity(caller, input, owner, status, custom);
            OpportunityView view = view(opportunity, status, refs.pipelineName(status), owner.name, refs.contact());
            return opportunities.persist(opportunity)
                    .chain(() -> outbox.append(DomainEvent.created(caller, OPPORTUNITY, opportunity.id,
                            opportunity.leadId, OpportunityJson.toJson(view))))
                    .replaceWith(view);
        });
    }

    @WithTransaction
    public Uni<OpportunityView> update(Caller caller, String id, OpportunityInput input) {
        // A body that is wrong on its own is refused before touching the database.
        input.body.throwIfInvalid();
        String org = caller.organizationId();
        return load(org, id).chain(before -> references(org, input).chain(refs -> {
            Opportunity opportunity = before.opportunity();
            OpportunityStatus status = refs.choice().choose(input, opportunity.statusId).orElse(null);
            Lead lead = refs.lead();
            Contact contact = refs.contact();
            if (input.contactId.isPresent() && input.contactId.value() != null) {
                checkContact(input, lead, contact, lead == null ? opportunity.leadId : lead.id);
            }
            return customValues.apply(caller, CustomFieldOwner.OPPORTUNITY, lead == null ? opportunity.leadId : lead.id,
                    opportunity.custom, input.custom, input.body)
                    .chain(custom -> update(caller, input, before, refs, status, custom));
        }));
    }

    private Uni<OpportunityView> update(Caller caller, OpportunityInput input, OpportunityView before, References refs,
                                        OpportunityStatus status, Map<String, Object> custom) {
        Opportunity opportunity = before.opportunity();
        Lead lead = refs.lead();
        Contact contact = refs.contact();
        input.body.throwIfInvalid();
        ObjectNode previous = OpportunityJson.toJson(before);
        boolean wasWon = OpportunityStatus.WON.equals(before.statusType());
        String leadName = before.leadName();
        String contactName = before.contactName();
        if (lead != null) {
            if (!lead.id.equals(opportunity.leadId) && !input.contactId.isPresent()) {
                // The contact belongs to the old lead, so it can't stay on an opportunity of another one.
                opportunity.contactId = null;
                contactName = null;
            }
            opportunity.leadId = lead.id;
            leadName = lead.name;
        }
        if (input.contactId.isPresent()) {
            opportunity.contactId = contact == null ? null : contact.id;
            contactName = contact == null ? null : contact.name;
        }
        opportunity.statusId = status.id;
        applyChanges(caller, opportunity, input, custom);
        opportunity.touch(caller, CloseDateTimes.now());
        if (OpportunityStatus.WON.equals(status.type) && !wasWon && opportunity.dateWon == null) {
            opportunity.dateWon = caller.today();
        }
        OpportunityView after = new OpportunityView(opportunity, status.label, status.type, status.pipelineId,
                refs.pipelineName(status), leadName, contactName);
        return outbox.append(DomainEvent.updated(caller, OPPORTUNITY, opportunity.id, opportunity.leadId,
                previous, OpportunityJson.toJson(after))).replaceWith(after);
    }

    @WithTransaction
    public Uni<Void> delete(Caller caller, String id) {
        return load(caller.organizationId(), id).chain(view -> opportunities.delete(view.opportunity())
                .chain(() -> outbox.append(DomainEvent.deleted(caller, OPPORTUNITY, id, view.opportunity().leadId,
                        OpportunityJson.toJson(view)))));
    }

    /**
     * Close's behaviour for an opportunity posted without {@code lead_id}: a lead named "Untitled" in the default
     * status, with its {@code lead.created}, inside the opportunity's transaction (a refused opportunity leaves none).
     */
    private Uni<Lead> untitledLead(Caller caller) {
        return newLeads.defaultStatus(caller.organizationId())
                .chain(status -> {
                    Instant now = CloseDateTimes.now();
                    return newLeads.store(caller, newLeads.build(caller, UNTITLED, status, now), status,
                            NewChildren.NONE, now);
                })
                .map(LeadView::lead);
    }

    private Uni<OpportunityView> load(String org, String id) {
        return opportunities.findView(org, id).onItem().ifNull().failWith(CloseException::notFound);
    }

    /** The objects the body refers to, loaded one after another (a reactive session runs one query at a time). */
    private Uni<References> references(String org, OpportunityInput input) {
        return pipelines.listOrdered(org).chain(pipelineRows -> statuses.listOrdered(org).chain(statusRows ->
                (input.leadId == null ? Uni.createFrom().<Lead>nullItem() : leads.findInOrganization(org, input.leadId))
                        .chain(lead -> {
                            if (input.leadId != null && lead == null) {
                                input.body.fail("lead_id", "Unknown lead: " + input.leadId + ".");
                            }
                            String contactId = input.contactId.value();
                            Uni<Contact> contact = contactId == null ? Uni.createFrom().nullItem()
                                    : contacts.findInOrganization(org, contactId);
                            return contact.map(found -> new References(new StatusChoice(pipelineRows, statusRows),
                                    pipelineRows, lead, found));
                        })));
    }

    /** On create the contact must be one of the lead's; without a lead_id there is no lead it could belong to yet. */
    private static void checkContact(OpportunityInput input, Lead lead, Contact contact) {
        if (input.contactId.value() != null) {
            checkContact(input, lead, contact, lead == null ? null : lead.id);
        }
    }

    private static void checkContact(OpportunityInput input, Lead lead, Contact contact, String leadId) {
        if (contact == null || !contact.leadId.equals(leadId)) {
            input.body.fail("contact_id", "Unknown contact of this lead: " + input.contactId.value() + ".");
        }
    }

    private static Opportunity newOpportunity(Caller caller, OpportunityInput input, Lead lead, OpportunityStatus status,
                                              Map<String, Object> custom) {
        Instant now = CloseDateTimes.now();
        Opportunity opportunity = new Opportunity();
        opportunity.id = Ids.longId("oppo");
        opportunity.organizationId = caller.organizationId();
        opportunity.leadId = lead.id;
        opportunity.contactId = input.contactId.value();
        opportunity.userId = caller.userId();
        opportunity.userName = caller.userName();
        opportunity.statusId = status.id;
        opportunity.recordCreation(caller, now);
        applyChanges(caller, opportunity, input, custom);
        if (OpportunityStatus.WON.equals(status.type) && opportunity.dateWon == null) {
            opportunity.dateWon = caller.today();
        }
        return opportunity;
    }

    private static void applyChanges(Caller caller, Opportunity opportunity, OpportunityInput input,
                                     Map<String, Object> custom) {
        if (input.userId != null && !input.userId.equals(opportunity.userId)) {
            opportunity.userId = input.userId;
            // Users live in the gateway; only the caller's own name is known here.
            opportunity.userName = input.userId.equals(caller.userId()) ? caller.userName() : null;
        }
        if (input.value.isPresent()) {
            opportunity.value = input.value.value();
        }
        if (input.valuePeriod.isPresent()) {
            opportunity.valuePeriod = input.valuePeriod.value() == null ? Opportunity.ONE_TIME : input.valuePeriod.value();
        }
        if (input.confidence.isPresent()) {
            opportunity.confidence = input.confidence.value() == null ? 0 : input.confidence.value();
        }
        if (input.note.isPresent()) {
            opportunity.note = input.note.value() == null ? "" : input.note.value();
        }
        if (input.dateWon.isPresent()) {
            opportunity.dateWon = input.dateWon.value();
        }
        if (input.dateLost.isPresent()) {
            opportunity.dateLost = input.dateLost.value();
        }
        if (!input.custom.isEmpty()) {
            opportunity.custom = new LinkedHashMap<>(custom);
        }
    }

    private static OpportunityView view(Opportunity opportunity, OpportunityStatus status, String pipelineName,
                                        String leadName, Contact contact) {
        return new OpportunityView(opportunity, status.label, status.type, status.pipelineId, pipelineName, leadName,
                contact == null ? null : contact.name);
    }

    private record References(StatusChoice choice, List<io.leadline.core.pipeline.Pipeline> pipelines, Lead lead,
                              Contact contact) {
        String pipelineName(OpportunityStatus status) {
            return pipelines.stream().filter(p -> p.id.equals(status.pipelineId)).map(p -> p.name)
                    .findFirst().orElse(null);
        }
    }
}
