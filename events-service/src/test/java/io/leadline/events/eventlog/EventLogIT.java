package io.leadline.events.eventlog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.testing.KafkaServiceTestProfile;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * The packaged jar (or the native executable with -Dnative) consumes crm-core's events from Kafka and serves them
 * at {@code /event/} to their own organization only.
 */
@QuarkusIntegrationTest
@TestProfile(KafkaServiceTestProfile.class)
class EventLogIT {

    @Test
    void storesAPublishedEventAndServesItToItsOrganization() {
        EventLogApi api = EventLogApi.admin(EventFixtures.newOrganization());
        ObjectNode created = EventFixtures.leadCreated(api.organizationId(), Instant.now().truncatedTo(ChronoUnit.MICROS));
        String id = created.get("id").asText();

        api.deliver(created);

        api.get(id).then().statusCode(200).body("object_type", equalTo("lead")).body("action", equalTo("created"));
        api.list(Map.of("lead_id", created.get("lead_id").asText())).then().statusCode(200)
                .body("data.size()", equalTo(1)).body("data[0].id", equalTo(id));
        EventLogApi.admin(EventFixtures.newOrganization()).get(id).then().statusCode(404);
    }

    @Test
    void refusesACallerWithoutTheGatewaysToken() {
        given().get("/api/v1/event/").then().statusCode(401);
    }
}
