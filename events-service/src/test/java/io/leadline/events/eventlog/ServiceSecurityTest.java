package io.leadline.events.eventlog;

import io.leadline.platform.testing.KafkaServiceTestProfile;
import io.leadline.platform.testing.ServiceSecurityContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(KafkaServiceTestProfile.class)
class ServiceSecurityTest extends ServiceSecurityContract {

    @Override
    protected String protectedPath() {
        return "/api/v1/event/";
    }
}
