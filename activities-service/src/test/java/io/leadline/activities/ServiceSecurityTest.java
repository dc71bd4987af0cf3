package io.leadline.activities;

import io.leadline.platform.testing.ServiceSecurityContract;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class ServiceSecurityTest extends ServiceSecurityContract {

    @Override
    protected String protectedPath() {
        return "/api/v1/activity/";
    }

    @Override
    protected int statusForAValidToken() {
        return 200; // the union list, empty for a fresh organization
    }
}
