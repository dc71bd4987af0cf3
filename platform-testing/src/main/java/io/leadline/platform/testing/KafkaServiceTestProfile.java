package io.leadline.platform.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * The service test setup plus the embedded Kafka broker: for tests that need the real broker (batches, record size
 * limits, dead letters) and for {@code @QuarkusIntegrationTest}, whose packaged jar runs its production profile and
 * so talks to a real Kafka instead of the in-memory connector the {@code %test} profile uses.
 */
public class KafkaServiceTestProfile extends ServiceTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        List<TestResourceEntry> resources = new ArrayList<>(super.testResources());
        resources.add(new TestResourceEntry(KafkaTestResource.class));
        return resources;
    }
}
