package io.leadline.activities.history;

import io.leadline.activities.activity.ActivityType;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** Close's Created activity: the lead was created (read-only). */
@Entity
@DiscriminatorValue(ActivityType.CREATED_NAME)
public class Created extends RecordedActivity {

    @Override
    public ActivityType type() {
        return ActivityType.CREATED;
    }
}
