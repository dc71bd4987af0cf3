package io.leadline.activities.crmevents;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.activities.activity.LeadActivities;
import io.leadline.activities.customactivity.CustomActivityFields;
import io.leadline.activities.history.CrmHistory;
import io.leadline.activities.history.EventCallers;
import io.leadline.activities.leads.LeadProjection;
import io.leadline.platform.events.ConsumedEvent;
import io.leadline.platform.events.EventConsumer;
import io.leadline.platform.events.EventConsumers;
import io.leadline.platform.events.EventHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What crm-core's events mean here: the projection of leads and contacts that lets writes check their lead_id and
 * contact_id, and the activities CRM changes imply (a lead's Created, status changes, completed tasks, merges; a
 * deleted lead's activities go with it). Each event is handled once (the platform consumer records its id with the
 * effect, in one transaction); other types are acknowledged untouched.
 */
@ApplicationScoped
public class CrmEventsConsumer {

    static final String CHANNEL = "crm-core-events-in";

    private final EventConsumer consumer;

    /** crm-core's task types: {@code task.<type>.completed} is one event type each. */
    static final List<String> TASK_TYPES = List.of("lead", "outgoing_call", "incoming_email", "email_followup",
            "missed_call", "answered_detached_call", "voicemail", "opportunity_due", "incoming_sms");

    @Inject
    CrmEventsConsumer(EventConsumers consumers, LeadProjection projection, CrmHistory history,
                      LeadActivities leadActivities, CustomActivityFields customFields) {
        Map<String, EventHandler> handlers = new HashMap<>();
        handlers.put("lead.created", event -> projection.leadExists(event.organizationId(), event.objectId())
                .chain(() -> contactsOf(event, projection))
                .chain(() -> history.leadCreated(event)));
        handlers.put("lead.updated", event -> projection.leadExists(event.organizationId(), event.objectId())
                .chain(() -> history.leadUpdated(event)));
        handlers.put("lead.deleted", event -> {
            var caller = EventCallers.of(event, "updated_by_name");
            String destination = event.json().path("meta").path("merge_destination_lead_id").asText(null);
            if (destination != null && !destination.equals(event.objectId())) {
                // The source of a merge: its activities go to the destination. crm-core keys this event by the source
                // and lead.merged by the destination, so either may come first; moving is idempotent.
                return projection.leadMerged(event.organizationId(), event.objectId(), destination)
                        .chain(() -> leadActivities.move(caller, event.objectId(), destination));
            }
            return projection.leadDeleted(event.organizationId(), event.objectId())
                    .chain(() -> leadActivities.deleteAll(caller, event.objectId()));
        });
        handlers.put("lead.merged", event -> {
            String source = meta(event, "merge_source_lead_id");
            String destination = meta(event, "merge_destination_lead_id");
            var caller = EventCallers.of(event, "updated_by_name");
            return projection.leadMerged(event.organizationId(), source, destination)
                    .chain(() -> leadActivities.move(caller, source, destination))
                    .chain(() -> history.leadMerged(caller, event, source, destination));
        });
        EventHandler contact = event -> projection.contactExists(event.organizationId(), event.objectId(),
                event.data().path("lead_id").asText(event.leadId()));
        handlers.put("contact.created", contact);
        handlers.put("contact.updated", contact);
        handlers.put("contact.deleted", event -> projection.contactDeleted(event.organizationId(), event.objectId(),
                        event.leadId())
                .chain(() -> leadActivities.clearContact(EventCallers.of(event, "updated_by_name"), event.objectId())));
        handlers.put("opportunity.updated", history::opportunityUpdated);
        TASK_TYPES.forEach(type -> handlers.put("task." + type + ".completed", history::taskCompleted));
        handlers.put("custom_fields.activity.created", customFields::fieldChanged);
        handlers.put("custom_fields.activity.updated", customFields::fieldChanged);
        handlers.put("custom_fields.activity.deleted", customFields::fieldDeleted);
        consumer = consumers.dispatching(handlers);
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<List<String>> poll) {
        return consumer.process(poll);
    }

    /** A lead created with contacts names them in its data (their own contact.created events follow). */
    private static Uni<Void> contactsOf(ConsumedEvent event, LeadProjection projection) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (JsonNode contact : event.data().path("contacts")) {
            String id = contact.path("id").asText(null);
            if (id != null) {
                chain = chain.chain(() -> projection.contactExists(event.organizationId(), id, event.objectId()));
            }
        }
        return chain;
    }

    static String meta(ConsumedEvent event, String key) {
        String value = event.json().path("meta").path(key).asText(null);
        if (value == null) {
            throw new IllegalArgumentException(event.type() + " " + event.id() + " has no meta." + key);
        }
        return value;
    }
}
