package io.leadline.comments.member;

import io.leadline.platform.events.EventConsumer;
import io.leadline.platform.events.EventConsumers;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.List;
import java.util.Map;

/**
 * Learns an organization's users from the gateway's {@code membership.activated} (today the gateway publishes it for
 * the first user of a new organization only; see the README's "Mentions"). Other gateway events are acknowledged
 * untouched.
 */
@ApplicationScoped
public class MembershipConsumer {

    static final String CHANNEL = "gateway-events-in";

    private final EventConsumer consumer;

    @Inject
    MembershipConsumer(EventConsumers consumers, OrganizationUsers users) {
        consumer = consumers.dispatching(Map.of("membership.activated",
                event -> users.record(event.organizationId(), event.data().path("user_id").asText(null))));
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<List<String>> poll) {
        return consumer.process(poll);
    }
}
