package io.leadline.core.provisioning;

import io.leadline.core.Database;
import io.leadline.core.TestOrganizations;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySource;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class OrganizationCreatedConsumerTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    Database database;

    @Test
    void anOrganizationCreatedEventProvisionsOnceHoweverOftenItIsDelivered() throws InterruptedException {
        TestOrganizations org = TestOrganizations.unprovisioned();
        String event = """
                {"id": "ev_%s", "object_type": "organization", "action": "created", "object_id": "%s",
                 "organization_id": "%s", "lead_id": null, "data": {"id": "%s", "name": "Evented"}}
                """.formatted(org.organizationId().substring(5, 27), org.organizationId(), org.organizationId(),
                org.organizationId());
        InMemorySource<String> gatewayEvents = connector.<String>source(OrganizationCreatedConsumer.CHANNEL)
                .runOnVertxContext(true);

        gatewayEvents.send(event);
        gatewayEvents.send(event);
        awaitLeadStatuses(org, 4);

        assertEquals(1, database.count("processed_event", org.organizationId()));
        org.request().get("/api/v1/status/lead/").then().statusCode(200)
                .body("data.label", equalTo(List.of("Potential", "Bad Fit", "Qualified", "Customer")));
    }

    @Test
    void otherGatewayEventsAreIgnored() throws InterruptedException {
        TestOrganizations org = TestOrganizations.unprovisioned();
        connector.<String>source(OrganizationCreatedConsumer.CHANNEL).runOnVertxContext(true).send("""
                {"id": "ev_membershipactivated0001", "object_type": "membership", "action": "activated",
                 "object_id": "memb_1", "organization_id": "%s", "data": {}}
                """.formatted(org.organizationId()));
        Thread.sleep(500);
        assertEquals(0, database.count("lead_status", org.organizationId()));
    }

    private void awaitLeadStatuses(TestOrganizations org, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (database.count("lead_status", org.organizationId()) < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(expected, database.count("lead_status", org.organizationId()));
    }
}
