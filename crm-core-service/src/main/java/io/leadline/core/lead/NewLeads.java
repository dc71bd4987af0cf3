package io.leadline.core.lead;

import io.leadline.core.contact.Contact;
import io.leadline.core.leadstatus.LeadStatus;
import io.leadline.core.leadstatus.LeadStatusRepository;
import io.leadline.platform.events.DomainEvent;
import io.leadline.platform.id.Ids;
import io.leadline.platform.outbox.Outbox;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.ValidationException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The one place a lead comes into being with its {@code lead.created} event: a lead POST, a contact posted without
 * {@code lead_id}, an opportunity posted without {@code lead_id}. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class NewLeads {

    @Inject
    LeadRepository leads;

    @Inject
    LeadStatusRepository statuses;

    @Inject
    LeadJson leadJson;

    @Inject
    Outbox outbox;

    /** The organization's default lead status (its first); a 400 when it was never provisioned. */
    public Uni<LeadStatus> defaultStatus(String organizationId) {
        return statuses.candidates(organizationId, null, null).map(found -> {
            if (found.isEmpty()) {
                throw ValidationException.of("This organization has no lead statuses; it has not been provisioned.");
            }
            return found.get(0);
        });
    }

    /** A new lead of the caller's organization, not yet stored; the caller fills in what its body says. */
    public Lead build(Caller caller, String name, LeadStatus status, Instant now) {
        Lead lead = new Lead();
        lead.id = Ids.longId("lead");
        lead.organizationId = caller.organizationId();
        lead.name = name;
        lead.statusId = status.id;
        lead.custom = new LinkedHashMap<>();
        lead.recordCreation(caller, now);
        return lead;
    }

    /**
     * Stores the lead and records its {@code lead.created}, whose data shows {@code contacts} (the ones created with
     * it, which the caller stores and records next). Answers the lead's view.
     */
    public Uni<LeadView> store(Caller caller, Lead lead, LeadStatus status, List<Contact> contacts) {
        LeadView view = new LeadView(lead, status.label, contacts);
        DomainEvent created = DomainEvent.created(caller, LeadService.LEAD, lead.id, lead.id, leadJson.toJson(view));
        return leads.persist(lead).chain(() -> outbox.append(created)).replaceWith(view);
    }
}
