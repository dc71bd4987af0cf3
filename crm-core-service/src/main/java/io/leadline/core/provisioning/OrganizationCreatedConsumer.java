package io.leadline.core.provisioning;

import io.leadline.platform.events.ConsumedEvent;
import io.leadline.platform.events.ProcessedEvents;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The second road to an organization's defaults: the gateway also provisions synchronously when it creates the
 * organization, but if that call failed, the {@code organization.created} event still arrives here. Provisioning
 * only fills what is missing, and the event id is recorded with the effect, so redeliveries change nothing.
 */
@ApplicationScoped
public class OrganizationCreatedConsumer {

    static final String CHANNEL = "gateway-events-in";
    private static final String ORGANIZATION_CREATED = "organization.created";

    @Inject
    ProvisioningService provisioning;

    @Inject
    ProcessedEvents processedEvents;

    @Incoming(CHANNEL)
    @WithTransaction
    public Uni<Void> consume(String payload) {
        ConsumedEvent event = ConsumedEvent.parse(payload);
        if (!ORGANIZATION_CREATED.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        return processedEvents.once(event, () -> provisioning.provision(event.organizationId()).replaceWithVoid())
                .replaceWithVoid();
    }
}
