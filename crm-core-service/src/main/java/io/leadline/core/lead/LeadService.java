package io.leadline.core.lead;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.core.custom.CustomFieldOwner;
import io.leadline.core.custom.CustomFieldValues;
import io.leadline.core.leadstatus.LeadStatus;
import io.leadline.core.leadstatus.LeadStatusRepository;
import io.leadline.platform.events.DomainEvent;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Leads, with the children posted inside them; every change writes its events to the outbox in the same transaction.
 * Children (contacts, opportunities, tasks) take part only through {@link LeadChildren}.
 */
@ApplicationScoped
public class LeadService {

    static final String LEAD = "lead";

    @Inject
    LeadRepository leads;

    @Inject
    LeadStatusRepository statuses;

    @Inject
    LeadJson leadJson;

    @Inject
    Outbox outbox;

    @Inject
    LeadChildren children;

    @Inject
    NewLeads newLeads;

    @Inject
    CustomFieldValues customValues;

    @WithTransaction
    public Uni<LeadView> create(Caller caller, LeadInput input) {
        return statuses.candidates(caller.organizationId(), input.statusId, input.statusLabel).chain(candidates -> {
            LeadStatus status = LeadStatusChoice.choose(input, candidates).orElse(null);
            // A new lead has no contacts yet, so no contact field can name one (leadId null).
            return customValues.apply(caller, CustomFieldOwner.LEAD, null, Map.of(), input.custom, input.body)
                    .chain(custom -> {
                        input.body.throwIfInvalid();
                        Instant now = CloseDateTimes.now();
                        Lead lead = newLeads.build(caller, input.name.value(), status, now);
                        lead.description = input.description.value();
                        lead.url = input.url.value();
                        lead.setAddresses(input.addresses.orElse(List.of()));
                        lead.custom = new LinkedHashMap<>(custom);
                        return newLeads.store(caller, lead, status, NewChildren.all(input.children), now);
                    });
        });
    }

    @WithTransaction
    public Uni<LeadView> update(Caller caller, String id, LeadInput input) {
        // A body that is wrong on its own is refused before touching the database.
        input.body.throwIfInvalid();
        String org = caller.organizationId();
        return loadView(org, id).chain(before -> customValues.apply(caller, CustomFieldOwner.LEAD, id,
                before.lead().custom, input.custom, input.body).chain(custom -> {
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
                applyChanges(caller, lead, input, custom);
                LeadView after = new LeadView(lead, label, before.children());
                ObjectNode data = leadJson.toJson(after);
                return outbox.append(DomainEvent.updated(caller, LEAD, lead.id, lead.id, previous, data))
                        .replaceWith(after);
            });
        }));
    }

    @WithTransaction
    public Uni<Void> delete(Caller caller, String id) {
        String org = caller.organizationId();
        // Locked first, so a child created concurrently (a custom object locks its lead too) is either seen and
        // deleted with the lead or refused for want of one, never left pointing at a deleted lead.
        return leads.lockInOrder(org, List.of(id)).chain(() -> loadView(org, id))
                .chain(view -> children.deleteAllOf(caller, view.lead()).chain(events -> {
                    // Its children's events first (see LeadChildren for their order), then the lead's, last state.
                    events.add(DomainEvent.deleted(caller, LEAD, id, id, leadJson.toJson(view)));
                    return leads.delete(view.lead()).chain(() -> outbox.appendAll(events));
                }));
    }

    /** The lead with everything its wire form shows; 404 when the organization has no such lead. */
    Uni<LeadView> loadView(String org, String id) {
        return leads.findWithStatusLabel(org, id)
                .onItem().ifNull().failWith(CloseException::notFound)
                .chain(found -> children.view(org, found.lead(), found.statusLabel()));
    }

    private static void applyChanges(Caller caller, Lead lead, LeadInput input, Map<String, Object> custom) {
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
            lead.custom = new LinkedHashMap<>(custom);
        }
        lead.touch(caller, CloseDateTimes.now());
    }
}
