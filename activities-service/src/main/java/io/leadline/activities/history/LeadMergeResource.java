package io.leadline.activities.history;

import io.leadline.activities.activity.ActivityType;
import io.leadline.activities.activity.ActivityTypeResource;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Close's {@code /activity/lead_merge/}: read-only, recorded when crm-core merges a lead into another. */
@Path("/api/v1/activity/lead_merge")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LeadMergeResource extends ActivityTypeResource {

    public LeadMergeResource() {
        super(ActivityType.LEAD_MERGE);
    }
}
