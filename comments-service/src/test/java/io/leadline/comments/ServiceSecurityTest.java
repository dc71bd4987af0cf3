package io.leadline.comments;

import io.leadline.platform.testing.ServiceSecurityContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(CommentsTestProfile.class)
class ServiceSecurityTest extends ServiceSecurityContract {

    @Override
    protected String protectedPath() {
        return "/api/v1/comment_thread/";
    }

}
