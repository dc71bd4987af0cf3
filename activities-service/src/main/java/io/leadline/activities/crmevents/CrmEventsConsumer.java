package io.leadline.activities.crmevents;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Map;

/**
 * What crm-core's events mean here: the projection of leads and contacts that lets writes check their lead_id and
 * contact_id. Each event is handled once (the platform consumer records its id with the effect); other types are
 * acknowledged untouched.
 */
@ApplicationScoped
public class CrmEventsConsumer {

    static final String CHANNEL = "crm-core-events-in";

    private final EventConsumer consumer;

    @Inject
    CrmEventsConsumer(EventConsumers consumers, LeadProjection projection) {
        Map<String, EventHandler> handlers = new HashMap<>();
        handlers.put("lead.created", event -> projection.leadExists(event.organizationId(), event.objectId())
                .chain(() -> contactsOf(event, projection)));
        handlers.put("lead.updated", event -> projection.leadExists(event.organizationId(), event.objectId()));
        handlers.put("lead.deleted", event -> projection.leadDeleted(event.organizationId(), event.objectId()));
        handlers.put("lead.merged", event -> projection.leadMerged(event.organizationId(),
                meta(event, "merge_source_lead_id"), meta(event, "merge_destination_lead_id")));
        EventHandler contact = event -> projection.contactExists(event.organizationId(), event.objectId(),
                event.data().path("lead_id").asText(event.leadId()));
        handlers.put("contact.created", contact);
        handlers.put("contact.updated", contact);
        handlers.put("contact.deleted", event -> projection.contactDeleted(event.organizationId(), event.objectId(),
                event.leadId()));
        consumer = consumers.dispatching(handlers);
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> record) {
        return consumer.process(record);
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
