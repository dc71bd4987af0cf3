package io.leadline.events.eventlog;

import io.leadline.platform.testing.InternalJwtTestResource;
import io.leadline.platform.testing.KafkaTestResource;
import io.leadline.platform.testing.PostgresTestResource;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/** The service test setup plus the embedded Kafka broker, with the event log consuming from it for real. */
public class RealKafkaProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(PostgresTestResource.class),
                new TestResourceEntry(InternalJwtTestResource.class),
                new TestResourceEntry(KafkaTestResource.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("mp.messaging.incoming.domain-events-in.connector", "smallrye-kafka");
    }
}
