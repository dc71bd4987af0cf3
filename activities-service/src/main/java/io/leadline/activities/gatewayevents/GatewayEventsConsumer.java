package io.leadline.activities.gatewayevents;

import io.leadline.platform.events.EventConsumer;
import io.leadline.platform.events.EventConsumers;
import io.leadline.platform.group.GroupMembers;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.List;

/**
 * The gateway's events this service needs: {@code group.*}, which keep the {@code group_member} projection that
 * expands group ids in the activity lists' {@code user_id__in} ({@link GroupMembers}). Every other gateway event is
 * acknowledged untouched.
 */
@ApplicationScoped
public class GatewayEventsConsumer {

    static final String CHANNEL = "gateway-events-in";

    private final EventConsumer consumer;

    @Inject
    GatewayEventsConsumer(EventConsumers consumers) {
        consumer = consumers.dispatching(GroupMembers.HANDLERS);
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<List<String>> poll) {
        return consumer.process(poll);
    }
}
