package io.leadline.comments.commented;

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
 * Learns the commentable objects of every organization from their owners' topics ({@code crm-core.events},
 * {@code activities.events}) by the envelope alone ({@code object_type}, {@code object_id}, {@code organization_id},
 * {@code lead_id}), so a new field in an owner's object changes nothing here. A {@code *.deleted} event deletes the
 * threads on the object (on everything of the lead, for a lead) with their events.
 */
@ApplicationScoped
public class ObjectEventsConsumer {

    static final String CHANNEL = "objects-in";

    private final EventConsumer consumer;

    @Inject
    ObjectEventsConsumer(EventConsumers consumers, ObjectProjection projection, ObjectChanges changes) {
        Map<String, EventHandler> handlers = new HashMap<>();
        for (String type : CommentableTypes.objectTypes()) {
            for (String action : CommentableTypes.ACTIONS) {
                handlers.put(type + "." + action, CommentableTypes.DELETED.equals(action)
                        ? event -> deleted(event, projection, changes)
                        : event -> exists(event, projection, changes));
            }
        }
        consumer = consumers.dispatching(handlers);
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<List<String>> poll) {
        return consumer.process(poll);
    }

    private static Uni<Void> exists(ConsumedEvent event, ObjectProjection projection, ObjectChanges changes) {
        String leadId = leadOf(event);
        return projection.exists(event.organizationId(), event.objectType(), event.objectId(), leadId)
                .chain(() -> changes.moved(event.organizationId(), event.objectId(), leadId));
    }

    private static Uni<Void> deleted(ConsumedEvent event, ObjectProjection projection, ObjectChanges changes) {
        return projection.deleted(event.organizationId(), event.objectType(), event.objectId(), leadOf(event))
                .chain(() -> changes.deleted(event.organizationId(), event.objectId(),
                        CommentableTypes.LEAD.equals(event.objectType())));
    }

    /** A lead's own events carry {@code lead_id} = its id; its children's their lead's. */
    private static String leadOf(ConsumedEvent event) {
        return event.leadId();
    }
}
