package io.leadline.events.eventlog;

import io.leadline.platform.testing.InternalJwtTestResource;
import io.leadline.platform.testing.KafkaTestResource;
import io.leadline.platform.testing.PostgresTestResource;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;

/**
 * The service test setup plus the embedded Kafka broker: the event log consumes in batches from the real broker in
 * every test (the in-memory connector has no batches), so all test classes share this one profile and one boot.
 */
public class RealKafkaProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(PostgresTestResource.class),
                new TestResourceEntry(InternalJwtTestResource.class),
                new TestResourceEntry(KafkaTestResource.class));
    }
}
