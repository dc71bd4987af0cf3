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
 * activities-service's events: created, updated and deleted of the kinds {@link LeadActivities#KINDS} (and an
 * email's sent) for {@code lead_activity}, and of opportunity status changes for
 * {@code opportunity_status_change}; other types are acknowledged untouched.
 */
@ApplicationScoped
public class ActivityEventsConsumer {

    static final String CHANNEL = "activities-events-in";

    private final EventConsumer consumer;

    @Inject
    ActivityEventsConsumer(EventConsumers consumers, LeadActivities activities,
                           OpportunityStatusChanges statusChanges) {
        Map<String, EventHandler> handlers = new HashMap<>();
        for (String kind : LeadActivities.KINDS) {
            handlers.put("activity." + kind + ".created", activities::stored);
            handlers.put("activity." + kind + ".updated", activities::stored);
            handlers.put("activity." + kind + ".deleted", activities::removed);
        }
        // sending a draft changes its status (and date): the row must follow, or call(...)-style filters on
        // status and last_emailed would read the draft
        handlers.put("activity.email.sent", activities::stored);
        handlers.put(OpportunityStatusChanges.TYPE + ".created", statusChanges::stored);
        handlers.put(OpportunityStatusChanges.TYPE + ".updated", statusChanges::stored);
        handlers.put(OpportunityStatusChanges.TYPE + ".deleted", statusChanges::removed);
        consumer = consumers.dispatching(handlers);
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<List<String>> poll) {
        return consumer.process(poll);
    }
}
