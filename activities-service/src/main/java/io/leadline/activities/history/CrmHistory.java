package io.leadline.activities.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.activities.activity.ActivityStore;
import io.leadline.platform.events.ConsumedEvent;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.CloseDateTimes;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;

/**
 * The activities crm-core's changes imply (NOTES §6.2): a lead's {@code Created}, its status changes, its
 * opportunities' status changes, its completed tasks and the merges into it. Runs in the consumer's transaction,
 * which also records the event as processed, so each is recorded once.
 */
@ApplicationScoped
public class CrmHistory {

    @Inject
    ActivityStore store;

    public Uni<Void> leadCreated(ConsumedEvent event) {
        Created created = new Created();
        created.leadId = event.objectId();
        created.details(JsonNodeFactory.instance.objectNode());
        return store.record(EventCallers.of(event, "created_by_name"), created, happenedAt(event.data(), "date_created", event))
                .replaceWithVoid();
    }

    /** A {@code lead.updated} that changed the status; any other update implies nothing. */
    public Uni<Void> leadUpdated(ConsumedEvent event) {
        if (!changed(event, "status_id")) {
            return Uni.createFrom().voidItem();
        }
        JsonNode before = event.json().path("previous_data");
        JsonNode after = event.data();
        LeadStatusChange change = new LeadStatusChange();
        change.leadId = event.objectId();
        change.details(LeadStatusChanges.fields(EventCallers.text(before, "status_id"), EventCallers.text(before, "status_label"),
                EventCallers.text(after, "status_id"), EventCallers.text(after, "status_label")));
        return store.record(EventCallers.of(event, "updated_by_name"), change, happenedAt(after, "date_updated", event))
                .replaceWithVoid();
    }

    /** An {@code opportunity.updated} that changed the status. */
    public Uni<Void> opportunityUpdated(ConsumedEvent event) {
        if (!changed(event, "status_id")) {
            return Uni.createFrom().voidItem();
        }
        JsonNode before = event.json().path("previous_data");
        JsonNode after = event.data();
        OpportunityStatusChange change = new OpportunityStatusChange();
        change.leadId = event.leadId();
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.put("opportunity_id", event.objectId());
        fields.put("old_status_id", EventCallers.text(before, "status_id"));
        fields.put("old_status_label", EventCallers.text(before, "status_label"));
        fields.put("old_status_type", EventCallers.text(before, "status_type"));
        fields.put("new_status_id", EventCallers.text(after, "status_id"));
        fields.put("new_status_label", EventCallers.text(after, "status_label"));
        fields.put("new_status_type", EventCallers.text(after, "status_type"));
        fields.set("opportunity_value", after.path("value").isMissingNode() ? null : after.get("value"));
        fields.put("opportunity_value_currency", EventCallers.text(after, "value_currency"));
        fields.put("opportunity_value_period", EventCallers.text(after, "value_period"));
        fields.set("opportunity_confidence", after.path("confidence").isMissingNode() ? null : after.get("confidence"));
        fields.put("opportunity_date_won", EventCallers.text(after, "date_won"));
        change.details(fields);
        return store.record(EventCallers.of(event, "updated_by_name"), change, happenedAt(after, "date_updated", event))
                .replaceWithVoid();
    }

    public Uni<Void> taskCompleted(ConsumedEvent event) {
        JsonNode task = event.data();
        TaskCompleted completed = new TaskCompleted();
        completed.leadId = event.leadId();
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.put("task_id", event.objectId());
        fields.put("task_text", EventCallers.text(task, "text"));
        fields.put("task_assigned_to", EventCallers.text(task, "assigned_to"));
        fields.put("task_assigned_to_name", EventCallers.text(task, "assigned_to_name"));
        completed.details(fields);
        return store.record(EventCallers.of(event, "updated_by_name"), completed, happenedAt(task, "date_updated", event))
                .replaceWithVoid();
    }

    /** The merge as the destination lead's activity (Close's merges finish at once: status {@code completed}). */
    public Uni<Void> leadMerged(Caller caller, ConsumedEvent event, String sourceLeadId, String destinationLeadId) {
        LeadMerge merge = new LeadMerge();
        merge.leadId = destinationLeadId;
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.put("source_lead_id", sourceLeadId);
        fields.put("destination_lead_id", destinationLeadId);
        fields.put("destination_lead_name", EventCallers.text(event.data(), "display_name"));
        fields.put("status", "completed");
        merge.details(fields);
        return store.record(caller, merge, happenedAt(event.json(), "date_created", event)).replaceWithVoid();
    }

    private static boolean changed(ConsumedEvent event, String field) {
        for (JsonNode name : event.json().path("changed_fields")) {
            if (field.equals(name.asText())) {
                return true;
            }
        }
        return false;
    }

    /** When the change happened, as the producer says; the event's own time when the data lacks it. */
    private static Instant happenedAt(JsonNode node, String field, ConsumedEvent event) {
        for (String text : List.of(String.valueOf(EventCallers.text(node, field)),
                String.valueOf(EventCallers.text(event.json(), "date_created")))) {
            var parsed = CloseDateTimes.parseInstant(text);
            if (parsed.isPresent()) {
                return parsed.get();
            }
        }
        return CloseDateTimes.now();
    }
}
