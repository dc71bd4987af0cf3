package io.leadline.core.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.core.Database;
import io.leadline.core.GatewayEvents;
import io.leadline.core.TestOrganizations;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * {@code organization.created} as the gateway publishes it (its contract fixture, from the gateway's event-contracts
 * artifact) provisions the organization once. The channel handles records one after another, so once a later
 * record's effect is visible, every record before it has been processed too: that is the signal the tests wait for.
 */
@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class OrganizationCreatedConsumerTest {

    private static final Duration PROCESSED = Duration.ofSeconds(60);

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    Database database;

    @Test
    void aRedeliveredOrganizationCreatedChangesNothingAfterTheFirstDelivery() {
        TestOrganizations org = TestOrganizations.unprovisioned();
        String event = gatewayEvent("organization.created", org.organizationId()).toString();

        gatewayEvents().send(event);
        awaitProcessed(org);
        assertEquals(List.of("Potential", "Bad Fit", "Qualified", "Customer"), leadStatusLabels(org));

        // the user removes a default status; a redelivery must not provision again and bring it back
        String badFit = org.request().get("/api/v1/status/lead/").then().statusCode(200).extract().jsonPath()
                .getString("data.find { it.label == 'Bad Fit' }.id");
        assertNotNull(badFit);
        org.request().delete("/api/v1/status/lead/" + badFit + "/").then().statusCode(200);
        gatewayEvents().send(event);
        gatewayEvents().send(event);
        afterEverythingSentSoFar();

        assertEquals(List.of("Potential", "Qualified", "Customer"), leadStatusLabels(org));
        assertEquals(1, database.count("processed_event", org.organizationId()));
        assertEquals(1, database.count("pipeline", org.organizationId()));
    }

    @Test
    void otherGatewayEventsAndRecordsThatAreNotEventsChangeNothingAndDoNotStopTheChannel() {
        TestOrganizations org = TestOrganizations.unprovisioned();

        gatewayEvents().send(gatewayEvent("role.created", org.organizationId()).toString());
        gatewayEvents().send("{not json");
        gatewayEvents().send("{\"object_type\": \"organization\", \"action\": \"created\"}");
        afterEverythingSentSoFar();

        assertEquals(0, database.count("lead_status", org.organizationId()));
        assertEquals(0, database.count("processed_event", org.organizationId()));
    }

    /** Sends one more organization.created and waits for its effect, which comes after every earlier record's. */
    private void afterEverythingSentSoFar() {
        TestOrganizations marker = TestOrganizations.unprovisioned();
        gatewayEvents().send(gatewayEvent("organization.created", marker.organizationId()).toString());
        awaitProcessed(marker);
    }

    private void awaitProcessed(TestOrganizations org) {
        await().atMost(PROCESSED).until(() -> database.count("processed_event", org.organizationId()) == 1);
    }

    private List<String> leadStatusLabels(TestOrganizations org) {
        return org.request().get("/api/v1/status/lead/").then().statusCode(200)
                .body("has_more", equalTo(false))
                .extract().jsonPath().getList("data.label");
    }

    /** Each record as a poll of its own (the channel takes whole polls, platform EventConsumers). */
    private RecordSender gatewayEvents() {
        return record -> GatewayEvents.send(connector, record);
    }

    private interface RecordSender {
        void send(String record);
    }

    private static ObjectNode gatewayEvent(String type, String organizationId) {
        return GatewayEvents.event(type, organizationId);
    }
}
