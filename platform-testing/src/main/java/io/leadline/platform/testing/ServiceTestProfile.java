package io.leadline.platform.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;

/**
 * The test setup of a Leadline service: a fresh database on the embedded PostgreSQL and internal-JWT keys.
 * Every {@code @QuarkusTest} of a service uses it, so Quarkus boots once for all of them.
 */
public class ServiceTestProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(PostgresTestResource.class),
                new TestResourceEntry(InternalJwtTestResource.class));
    }
}
