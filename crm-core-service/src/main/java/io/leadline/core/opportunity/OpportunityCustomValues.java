package io.leadline.core.opportunity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.core.custom.CustomValueHolder;
import io.leadline.platform.events.DomainEvent;
import io.leadline.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Opportunities as holders of custom values: a deleted field's (or custom object's) value leaves each opportunity with an
 * {@code opportunity.updated}.
 */
@ApplicationScoped
public class OpportunityCustomValues implements CustomValueHolder {

    @Inject
    OpportunityRepository opportunities;

    @Override
    public String table() {
        return OpportunityService.OPPORTUNITY;
    }

    @Override
    public Uni<List<DomainEvent>> rewrite(Caller caller, List<String> ids, UnaryOperator<Map<String, Object>> change) {
        return CustomValueHolder.each(ids, id -> opportunities.findView(caller.organizationId(), id).map(view -> {
            ObjectNode before = OpportunityJson.toJson(view);
            Opportunity opportunity = view.opportunity();
            opportunity.custom = change.apply(opportunity.custom);
            return DomainEvent.updated(caller, OpportunityService.OPPORTUNITY, id, opportunity.leadId, before,
                    OpportunityJson.toJson(view));
        }));
    }
}
