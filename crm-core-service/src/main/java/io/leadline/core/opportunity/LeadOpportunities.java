package io.leadline.core.opportunity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadChild;
import io.leadline.core.lead.LeadFields;
import io.leadline.platform.read.ReadTable;
import io.leadline.platform.events.DomainEvent;
import io.leadline.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the lead endpoints need from opportunities: the {@code opportunities} embed, moving them to another lead when
 * leads are merged, and deleting them with their lead. Runs inside the caller's session or transaction.
 */
@ApplicationScoped
public class LeadOpportunities implements LeadChild {

    @Inject
    OpportunityRepository opportunities;

    /** After the contacts they may name. */
    @Override
    public int order() {
        return 2;
    }

    /** The lead's {@code opportunities}: their wire forms, oldest first, composed in the lead's read statement. */
    @Override
    public void composeLeadFields(String lead, ReadTable.Builder leadTable) {
        ReadTable table = OpportunityReads.embeddedIn(lead);
        leadTable.composed("opportunities", "coalesce((select jsonb_agg(" + table.json() + " order by o.id) from "
                + table.from() + " where o.organization_id = " + lead + ".organization_id and o.lead_id = " + lead
                + ".id), '[]'::jsonb)");
    }

    /** The lead's {@code opportunities} for its events and write answers (inside the writing transaction). */
    @Override
    public Uni<LeadFields> fieldsOf(String organizationId, Lead lead) {
        return opportunities.viewsOfLead(organizationId, lead.id).map(views -> LeadFields.ofArray("opportunities",
                views.stream().map(OpportunityJson::toJson).toList()));
    }

    /** An opportunity is always posted after its lead exists, so a lead being created has none. */
    @Override
    public Uni<LeadFields> fieldsOfNewLead(String organizationId, Lead lead) {
        return Uni.createFrom().item(LeadFields.ofArray("opportunities", List.of()));
    }

    /**
     * Deletes every opportunity of the lead and answers their {@code opportunity.deleted} events, for the lead's own
     * transaction (the same convention as the lead's tasks): a deleted lead takes its opportunities with it.
     */
    @Override
    public Uni<List<DomainEvent>> deleteAllOf(Caller caller, Lead lead) {
        String org = caller.organizationId();
        return LeadChild.deleteRows(opportunities.viewsOfLead(org, lead.id), view -> DomainEvent.deleted(caller,
                OpportunityService.OPPORTUNITY, view.opportunity().id, lead.id, OpportunityJson.toJson(view)),
                () -> opportunities.deleteOfLead(org, lead.id));
    }

    /**
     * Moves every opportunity of {@code from} to {@code to} (managed entities, written at the next flush) and answers
     * their {@code opportunity.updated} events. {@code lead_name} is the destination's name as given.
     */
    @Override
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
