package io.leadline.activities.history;

import io.leadline.activities.activity.ActivityType;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** Close's OpportunityStatusChange activity: an opportunity's status changed, or an imported change of the past. */
@Entity
@DiscriminatorValue(ActivityType.OPPORTUNITY_STATUS_CHANGE_NAME)
public class OpportunityStatusChange extends RecordedActivity {

    @Override
    public ActivityType type() {
        return ActivityType.OPPORTUNITY_STATUS_CHANGE;
    }
}
