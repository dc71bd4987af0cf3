package io.leadline.systemtests;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox promise: while Kafka is down the API keeps working, and every event written meanwhile reaches the
 * event log once Kafka is back.
 */
class KafkaOutageIT {

    @Test
    void eventsWrittenWhileKafkaIsDownArriveAfterItReturns() throws InterruptedException {
        Tenant tenant = Tenant.create("Outage Ltd");
        String before = tenant.api().body(Map.of("name", "Before outage")).post("/lead/")
                .then().statusCode(200).extract().path("id");
        awaitLeadEvents(tenant, before, 1, Duration.ofSeconds(30));

        Stack.get().stopKafka();
        String during;
        try {
            during = tenant.api().body(Map.of("name", "During outage")).post("/lead/")
                    .then().statusCode(200).extract().path("id");
            tenant.api().body(Map.of("description", "edited while Kafka is down")).put("/lead/" + during + "/")
                    .then().statusCode(200);
            // Longer than the producer's delivery timeout (30 s), so the relay's send fails, its transaction rolls
            // back, and the rows must be picked up again after the broker returns.
            // nothing may reach the event log during the whole outage; checked 4 times a second (rate limit)
            Awaitility.await().during(Duration.ofSeconds(40)).atMost(Duration.ofSeconds(45))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> leadEvents(tenant, during).isEmpty());
        } finally {
            Stack.get().restartKafka();
        }

        List<Map<String, Object>> events = awaitLeadEvents(tenant, during, 2, Duration.ofSeconds(90));
        assertThat(events).extracting(e -> e.get("action")).containsExactly("updated", "created");
    }

    private static List<Map<String, Object>> leadEvents(Tenant tenant, String leadId) {
        return tenant.api().queryParam("lead_id", leadId).queryParam("object_type", "lead").get("/event/")
                .then().statusCode(200).extract().jsonPath().getList("data");
    }

    private static List<Map<String, Object>> awaitLeadEvents(Tenant tenant, String leadId, int count, Duration timeout) {
        return Eventually.await(() -> leadEvents(tenant, leadId), events -> events.size() >= count, timeout);
    }
}
