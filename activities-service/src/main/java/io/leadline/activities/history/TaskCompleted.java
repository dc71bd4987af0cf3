package io.leadline.activities.history;

import io.leadline.activities.activity.ActivityType;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** Close's TaskCompleted activity: a task of the lead was completed. */
@Entity
@DiscriminatorValue(ActivityType.TASK_COMPLETED_NAME)
public class TaskCompleted extends RecordedActivity {

    @Override
    public ActivityType type() {
        return ActivityType.TASK_COMPLETED;
    }
}
