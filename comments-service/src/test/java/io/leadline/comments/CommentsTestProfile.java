package io.leadline.comments;

import io.leadline.platform.testing.ServiceTestProfile;

import java.util.ArrayList;
import java.util.List;

/** The service test setup plus {@link OwnerStub} as the objects' owners; every component test of this service. */
public class CommentsTestProfile extends ServiceTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        List<TestResourceEntry> resources = new ArrayList<>(super.testResources());
        resources.add(new TestResourceEntry(OwnerStub.class));
        return resources;
    }
}
