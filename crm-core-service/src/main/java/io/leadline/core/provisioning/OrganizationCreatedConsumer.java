package io.leadline.core.provisioning;

import io.leadline.core.user.OrganizationUsers;
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
 * What crm-core learns from the gateway's events (one channel, one consumer group). {@code organization.created} is
 * the second road to an organization's defaults: the gateway also provisions synchronously when it creates the
 * organization, but if that call failed, the event still arrives here. Provisioning only fills what is missing, and
 * the platform consumer records the event id with the effect, so redeliveries change nothing.
 * {@code membership.activated} records the member in {@link OrganizationUsers} (names of {@code user} custom field
 * values). The {@code group.*} events keep the {@code group_member} projection that expands group ids in
 * {@code user_id__in} ({@link GroupMembers}). Every other gateway event is acknowledged untouched.
 */
@ApplicationScoped
public class OrganizationCreatedConsumer {

    public static final String CHANNEL = "gateway-events-in";

    private final EventConsumer consumer;

    @Inject
    OrganizationCreatedConsumer(EventConsumers consumers, ProvisioningService provisioning, OrganizationUsers users) {
        Map<String, EventHandler> handlers = new HashMap<>(GroupMembers.HANDLERS);
        handlers.put("organization.created", event -> provisioning.provision(event.organizationId()).replaceWithVoid());
        handlers.put("membership.activated", event -> users.record(event.organizationId(),
                event.data().path("user_id").asText(null), event.data().path("user_full_name").asText(null),
                event.data().path("user_email").asText(null)));
        consumer = consumers.dispatching(handlers);
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<List<String>> poll) {
        return consumer.process(poll);
    }
}
