package io.leadline.activities.email;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.activities.activity.Activity;
import io.leadline.activities.activity.ActivityJson;
import io.leadline.activities.activity.ActivityType;
import io.leadline.activities.activity.JsonText;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/**
 * Close's EmailThread: one conversation's emails, derived from them and never written by clients ({@link EmailThreads}
 * rebuilds it whenever one of its emails changes). Its fields beyond the common ones are one JSON object.
 */
@Entity
@DiscriminatorValue(ActivityType.EMAIL_THREAD_NAME)
public class EmailThread extends Activity {

    /** {@code n_emails}, {@code latest_normalized_subject}, {@code participants}, {@code emails}. */
    @Column(name = "details")
    public String details;

    @Override
    public ActivityType type() {
        return ActivityType.EMAIL_THREAD;
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = ActivityJson.base(this);
        json.setAll(JsonText.object(details));
        return json;
    }
}
