package io.leadline.activities.history;

import io.leadline.activities.activity.ActivityType;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** Close's LeadMerge activity: another lead was merged into this one (read-only). */
@Entity
@DiscriminatorValue(ActivityType.LEAD_MERGE_NAME)
public class LeadMerge extends RecordedActivity {

    @Override
    public ActivityType type() {
        return ActivityType.LEAD_MERGE;
    }
}
