package io.leadline.core.lead;

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

/** Leads as holders of custom values: a deleted field's (or custom object's) value leaves each lead with a {@code lead.updated}. */
@ApplicationScoped
public class LeadCustomValues implements CustomValueHolder {

    @Inject
    LeadService leadService;

    @Inject
    LeadJson leadJson;

    @Override
    public String table() {
        return LeadService.LEAD;
    }

    @Override
    public Uni<List<DomainEvent>> rewrite(Caller caller, List<String> ids, UnaryOperator<Map<String, Object>> change) {
        return CustomValueHolder.each(ids, id -> leadService.loadView(caller.organizationId(), id).map(view -> {
            ObjectNode before = leadJson.toJson(view);
            view.lead().custom = change.apply(view.lead().custom);
            return DomainEvent.updated(caller, LeadService.LEAD, id, id, before, leadJson.toJson(view));
        }));
    }
}
