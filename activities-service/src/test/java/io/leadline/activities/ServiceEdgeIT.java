package io.leadline.activities;

import io.leadline.platform.testing.PackagedServiceEdgeContract;
import io.leadline.platform.testing.KafkaServiceTestProfile;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** The packaged jar (or the native executable with -Dnative) starts and keeps its edge behind the internal JWT. */
@QuarkusIntegrationTest
@TestProfile(KafkaServiceTestProfile.class)
class ServiceEdgeIT extends PackagedServiceEdgeContract {

    @Override
    protected String protectedPath() {
        return "/api/v1/activity/";
    }

    @Override
    protected int statusForAValidToken() {
        return 200; // the union list, empty for a fresh organization
    }
}
