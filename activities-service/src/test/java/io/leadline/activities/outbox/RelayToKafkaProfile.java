package io.leadline.activities.outbox;

import io.leadline.platform.testing.KafkaServiceTestProfile;

import java.util.Map;

/**
 * The service with its outbox relay producing to the embedded Kafka broker (the {@code %test} profile's in-memory
 * connector has no size limit, so it cannot refuse a record) on a topic of this test's own.
 */
public class RelayToKafkaProfile extends KafkaServiceTestProfile {

    static final String TOPIC = "activities.events.relay-test";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "mp.messaging.outgoing.domain-events.connector", "smallrye-kafka",
                "leadline.outbox.topic", TOPIC,
                "leadline.outbox.poll-interval", "200ms");
    }
}
