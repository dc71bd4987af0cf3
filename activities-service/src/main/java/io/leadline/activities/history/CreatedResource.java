package io.leadline.activities.history;

import io.leadline.activities.activity.ActivityType;
import io.leadline.activities.activity.ActivityTypeResource;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Close's {@code /activity/created/}: read-only, recorded when crm-core creates a lead. */
@Path("/api/v1/activity/created")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CreatedResource extends ActivityTypeResource {

    public CreatedResource() {
        super(ActivityType.CREATED);
    }
}
