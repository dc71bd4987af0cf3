package io.leadline.core.opportunity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.core.lead.Lead;
import io.leadline.platform.events.DomainEvent;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.CloseDateTimes;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the lead endpoints need from opportunities: the {@code opportunities} embed and moving them to another lead
 * when leads are merged. Runs inside the caller's session or transaction.
 */
@ApplicationScoped
public class LeadOpportunities {

    @Inject
    OpportunityRepository opportunities;

    /** The wire form of each lead's opportunities, in one query for the whole page. */
    public Uni<Map<String, List<ObjectNode>>> byLead(String organizationId, Collection<String> leadIds) {
        if (leadIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return opportunities.viewsOfLeads(organizationId, leadIds).map(rows -> rows.stream().collect(
                Collectors.groupingBy(view -> view.opportunity().leadId,
                        Collectors.mapping(OpportunityJson::toJson, Collectors.toList()))));
    }

    /**
     * Moves every opportunity of {@code from} to {@code to} (managed entities, written at the next flush) and answers
     * their {@code opportunity.updated} events. {@code lead_name} is the destination's name as given.
     */
    public Uni<List<DomainEvent>> moveAll(Caller caller, Lead from, Lead to, Instant now) {
        return opportunities.viewsOfLead(caller.organizationId(), from.id).map(views -> {
            List<DomainEvent> events = new ArrayList<>();
            for (OpportunityView before : views) {
                ObjectNode previous = OpportunityJson.toJson(before);
                Opportunity opportunity = before.opportunity();
                opportunity.leadId = to.id;
                opportunity.touch(caller, now);
                OpportunityView after = new OpportunityView(opportunity, before.statusLabel(), before.statusType(),
                        before.pipelineId(), before.pipelineName(), to.name, before.contactName());
                DomainEvent.updated(caller, OpportunityService.OPPORTUNITY, opportunity.id, to.id, previous,
                        OpportunityJson.toJson(after)).ifPresent(events::add);
            }
            return events;
        });
    }
}
