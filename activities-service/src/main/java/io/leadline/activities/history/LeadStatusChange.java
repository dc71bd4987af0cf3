package io.leadline.activities.history;

import io.leadline.activities.activity.ActivityType;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** Close's LeadStatusChange activity: the lead's status changed, or an imported change of the past. */
@Entity
@DiscriminatorValue(ActivityType.LEAD_STATUS_CHANGE_NAME)
public class LeadStatusChange extends RecordedActivity {

    @Override
    public ActivityType type() {
        return ActivityType.LEAD_STATUS_CHANGE;
    }
}
