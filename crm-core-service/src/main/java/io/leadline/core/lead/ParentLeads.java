package io.leadline.core.lead;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.events.DomainEvent;
import io.leadline.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * What a child needs from its lead when a change of its rows changes the lead's wire form (a contact added, moved
 * or removed changes the lead's {@code contacts}): lock the leads, load them, and record {@code lead.updated}. Runs
 * inside the child's transaction.
 */
@ApplicationScoped
public class ParentLeads {

    @Inject
    LeadRepository leads;

    @Inject
    LeadChildren children;

    @Inject
    LeadJson leadJson;

    /** Locks the leads' rows in id order until the transaction ends (see {@link LeadRepository#lockInOrder}). */
    public Uni<Void> lockInOrder(String organizationId, Collection<String> leadIds) {
        return leads.lockInOrder(organizationId, leadIds);
    }

    /** The organization's lead with everything its wire form shows, or null when there is no such lead. */
    public Uni<LeadView> find(String organizationId, String leadId) {
        return leads.findWithStatusLabel(organizationId, leadId).chain(found -> found == null
                ? Uni.createFrom().nullItem() : children.view(organizationId, found.lead(), found.statusLabel()));
    }

    /**
     * The lead after its children changed: a change of its children is a change of the lead (its {@code date_updated}
     * and {@code updated_by}), and its {@code lead.updated} compares it with {@code before}. The children's changes
     * are flushed first, so the lead reads them back.
     */
    public Uni<Optional<DomainEvent>> childrenChanged(Caller caller, LeadView before, Instant now) {
        Lead lead = before.lead();
        ObjectNode previous = leadJson.toJson(before);
        lead.touch(caller, now);
        return leads.flush()
                .chain(() -> children.view(caller.organizationId(), lead, before.statusLabel()))
                .map(after -> DomainEvent.updated(caller, LeadService.LEAD, lead.id, lead.id, previous,
                        leadJson.toJson(after)));
    }
}
