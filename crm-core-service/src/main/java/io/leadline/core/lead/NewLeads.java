package io.leadline.core.lead;

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
import java.util.ArrayList;
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
    LeadChildren children;

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
     * Stores the lead, then the children created with it, and records {@code lead.created} (whose data shows those
     * children) followed by the children's own events. Answers the lead's view.
     */
    public Uni<LeadView> store(Caller caller, Lead lead, LeadStatus status, NewChildren newChildren, Instant now) {
        return leads.persist(lead)
                .chain(() -> newChildren.create(caller, lead, now))
                // The children must reach the database before the lead's view reads them back.
                .call(() -> leads.flush())
                .chain(childEvents -> children.viewOfNew(caller.organizationId(), lead, status.label).chain(view -> {
                    List<DomainEvent> events = new ArrayList<>();
                    events.add(DomainEvent.created(caller, LeadService.LEAD, lead.id, lead.id, leadJson.toJson(view)));
                    events.addAll(childEvents);
                    return outbox.appendAll(events).replaceWith(view);
                }));
    }
}
