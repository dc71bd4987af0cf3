package io.leadline.core.opportunity;

import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadJson;
import io.leadline.core.lead.LeadRepository;
import io.leadline.core.lead.LeadView;
import io.leadline.core.status.LeadStatusRepository;
import io.leadline.platform.events.DomainEvent;
import io.leadline.platform.id.Ids;
import io.leadline.platform.outbox.Outbox;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.CloseDateTimes;
import io.leadline.platform.wire.ValidationException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;

/** The lead Close creates for an opportunity posted without {@code lead_id}: "Untitled", in the default status. */
@ApplicationScoped
class UntitledLeads {

    static final String NAME = "Untitled";

    @Inject
    LeadRepository leads;

    @Inject
    LeadStatusRepository leadStatuses;

    @Inject
    LeadJson leadJson;

    @Inject
    Outbox outbox;

    /** Runs inside the opportunity's transaction, so a refused opportunity leaves no lead behind. */
    Uni<Lead> create(Caller caller) {
        return leadStatuses.listOrdered(caller.organizationId()).chain(statuses -> {
            if (statuses.isEmpty()) {
                throw ValidationException.of("This organization has no lead statuses; it has not been provisioned.");
            }
            Instant now = CloseDateTimes.now();
            Lead lead = new Lead();
            lead.id = Ids.longId("lead");
            lead.organizationId = caller.organizationId();
            lead.name = NAME;
            lead.statusId = statuses.get(0).id;
            lead.recordCreation(caller, now);
            DomainEvent event = DomainEvent.created(caller, "lead", lead.id, lead.id,
                    leadJson.toJson(new LeadView(lead, statuses.get(0).label, List.of())));
            return leads.persist(lead).chain(() -> outbox.append(event)).replaceWith(lead);
        });
    }
}
