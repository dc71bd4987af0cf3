package io.leadline.core.provisioning;

import io.leadline.platform.events.EventConsumer;
import io.leadline.platform.events.EventConsumers;
import io.leadline.platform.events.EventHandler;
import io.leadline.platform.group.GroupMembers;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The second road to an organization's defaults: the gateway also provisions synchronously when it creates the
 * organization, but if that call failed, the {@code organization.created} event still arrives here. Provisioning
 * only fills what is missing, and the platform consumer records the event id with the effect, so redeliveries change
 * nothing. The gateway's {@code group.*} events keep the {@code group_member} projection that expands group ids in
 * {@code user_id__in} ({@link GroupMembers}). Every other gateway event is acknowledged untouched.
 */
@ApplicationScoped
public class OrganizationCreatedConsumer {

    public static final String CHANNEL = "gateway-events-in";

    private final EventConsumer consumer;

    @Inject
    OrganizationCreatedConsumer(EventConsumers consumers, ProvisioningService provisioning) {
        Map<String, EventHandler> handlers = new HashMap<>(GroupMembers.HANDLERS);
        handlers.put("organization.created", event -> provisioning.provision(event.organizationId()).replaceWithVoid());
        consumer = consumers.dispatching(handlers);
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<List<String>> poll) {
        return consumer.process(poll);
    }
}
