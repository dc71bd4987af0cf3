package io.leadline.core.leadactivity;

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
 * activities-service's events, for {@code lead_activity}: created, updated and deleted of the kinds
 * {@link LeadActivities#KINDS}; other types are acknowledged untouched.
 */
@ApplicationScoped
public class ActivityEventsConsumer {

    static final String CHANNEL = "activities-events-in";

    private final EventConsumer consumer;

    @Inject
    ActivityEventsConsumer(EventConsumers consumers, LeadActivities activities) {
        Map<String, EventHandler> handlers = new HashMap<>();
        for (String kind : LeadActivities.KINDS) {
            handlers.put("activity." + kind + ".created", activities::stored);
            handlers.put("activity." + kind + ".updated", activities::stored);
            handlers.put("activity." + kind + ".deleted", activities::removed);
        }
        consumer = consumers.dispatching(handlers);
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<List<String>> poll) {
        return consumer.process(poll);
    }
}
