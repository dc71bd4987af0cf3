package io.leadline.platform.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * For {@code @QuarkusIntegrationTest}: the packaged jar runs its production profile, so its channels talk to a real
 * Kafka (the shared embedded broker) instead of the in-memory connector the {@code %test} profile uses.
 */
public class PackagedServiceTestProfile extends ServiceTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        List<TestResourceEntry> resources = new ArrayList<>(super.testResources());
        resources.add(new TestResourceEntry(KafkaTestResource.class));
        return resources;
    }
}
