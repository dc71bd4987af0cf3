package io.leadline.comments.commented;

import io.leadline.comments.OwnerStub;
import io.leadline.platform.testing.KafkaServiceTestProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The service on the embedded Kafka broker: its consuming channels and its outbox relay, as in production. */
public class CommentsOnKafkaProfile extends KafkaServiceTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        List<TestResourceEntry> resources = new ArrayList<>(super.testResources());
        resources.add(new TestResourceEntry(OwnerStub.class));
        return resources;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "mp.messaging.incoming.objects-in.connector", "smallrye-kafka",
                "mp.messaging.incoming.gateway-events-in.connector", "smallrye-kafka",
                "mp.messaging.outgoing.domain-events.connector", "smallrye-kafka",
                "leadline.outbox.poll-interval", "200ms");
    }
}
