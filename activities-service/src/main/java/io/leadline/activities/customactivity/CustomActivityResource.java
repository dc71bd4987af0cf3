package io.leadline.activities.customactivity;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.activities.activity.ActivityReads;
import io.leadline.activities.activity.ActivityType;
import io.leadline.activities.activity.WritableActivityResource;
import io.leadline.platform.read.FilterType;
import io.leadline.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Close's {@code /activity/custom/} endpoints. */
@Path("/api/v1/activity/custom")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomActivityResource extends WritableActivityResource<CustomActivity> {

    @Inject
    CustomActivityService activities;

    public CustomActivityResource() {
        super(ActivityType.CUSTOM_ACTIVITY, ActivityReads.builderOf(ActivityType.CUSTOM_ACTIVITY)
                .filter("custom_activity_type_id", "a.custom_activity_type_id", FilterType.STRING)
                .build());
    }

    @Override
    protected Uni<CustomActivity> create(Caller caller, JsonNode body, String internalToken) {
        return activities.create(caller, CustomActivityInput.forCreate(body, caller, internalToken));
    }

    @Override
    protected Uni<CustomActivity> update(Caller caller, String id, JsonNode body, String internalToken) {
        return activities.update(caller, id, CustomActivityInput.forUpdate(body, caller, internalToken));
    }

    @Override
    protected Uni<Void> delete(Caller caller, String id) {
        return activities.delete(caller, id);
    }
}
