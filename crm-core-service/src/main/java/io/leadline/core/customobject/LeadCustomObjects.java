package io.leadline.core.customobject;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadChild;
import io.leadline.platform.read.ReadTable;
import io.leadline.core.lead.LeadFields;
import io.leadline.platform.events.DomainEvent;
import io.leadline.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Custom objects as a child of their lead: they are not part of the lead's wire form (Close lists them by
 * {@code lead_id} only), but a merge moves them to the destination and a lead's deletion deletes them, each with its
 * event, in the lead's transaction.
 */
@ApplicationScoped
public class LeadCustomObjects implements LeadChild {

    @Inject
    CustomObjectRepository objects;

    /** After contacts, opportunities and tasks. */
    @Override
    public int order() {
        return 4;
    }

    @Override
    public void composeLeadFields(String lead, ReadTable.Builder leadTable) {
        // a lead's custom objects are read from /custom_object/, never embedded
    }

    @Override
    public Uni<LeadFields> fieldsOf(String organizationId, Lead lead) {
        return Uni.createFrom().item(LeadFields.of(JsonNodeFactory.instance.objectNode()));
    }

    @Override
    public Uni<List<DomainEvent>> deleteAllOf(Caller caller, Lead lead) {
        String org = caller.organizationId();
        return LeadChild.deleteRows(objects.allOfLead(org, lead.id), object -> DomainEvent.deleted(caller,
                CustomObjectService.OBJECT_TYPE, object.id, lead.id, CustomObjectJson.toJson(object)),
                () -> objects.deleteOfLead(org, lead.id));
    }

    /**
     * Moves every object of {@code from} to {@code to} (managed entities, written at the next flush) and answers
     * their {@code custom_object.updated} events. Values naming the source's contacts or objects stay valid: those
     * move to the destination too.
     */
    @Override
    public Uni<List<DomainEvent>> moveAll(Caller caller, Lead from, Lead to, Instant now) {
        return objects.allOfLead(caller.organizationId(), from.id).map(rows -> {
            List<DomainEvent> events = new ArrayList<>();
            for (CustomObject object : rows) {
                ObjectNode previous = CustomObjectJson.toJson(object);
                object.leadId = to.id;
                object.touch(caller, now);
                DomainEvent.updated(caller, CustomObjectService.OBJECT_TYPE, object.id, to.id, previous,
                        CustomObjectJson.toJson(object)).ifPresent(events::add);
            }
            return events;
        });
    }
}
