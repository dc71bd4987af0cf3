package io.leadline.gateway.support;

import io.leadline.platform.testing.InternalJwtTestResource;
import io.leadline.platform.testing.PostgresTestResource;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/** A fresh database, internal-JWT keys and a fake upstream over real HTTP; shared by every gateway test class. */
public class GatewayTestProfile implements QuarkusTestProfile {

    public static final String OPERATOR_TOKEN = "operator-secret-for-tests-0123456789abcdef";
    public static final int KEY_LIMIT = 25;

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(PostgresTestResource.class),
                new TestResourceEntry(InternalJwtTestResource.class),
                new TestResourceEntry(FakeUpstreamResource.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "leadline.gateway.operator-token", OPERATOR_TOKEN,
                // every test of this profile comes from 127.0.0.1; the throttles have a profile of their own
                "leadline.gateway.failed-authentication.max-per-address", "100000",
                "leadline.gateway.failed-authentication.max-operator-per-address", "100000",
                "leadline.gateway.rate-limit.key-limit", Integer.toString(KEY_LIMIT),
                // long enough that a test's requests never straddle two windows
                "leadline.gateway.rate-limit.window", "30s",
                // the proxy reports clients that went away at debug level; tests wait for those lines
                "quarkus.log.category.\"io.leadline.gateway.proxy\".level", "DEBUG");
    }
}
