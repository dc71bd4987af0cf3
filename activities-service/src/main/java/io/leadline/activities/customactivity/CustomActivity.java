package io.leadline.activities.customactivity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.activities.activity.Activity;
import io.leadline.activities.activity.ActivityJson;
import io.leadline.activities.activity.ActivityType;
import io.leadline.activities.activity.JsonText;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/**
 * An activity of one of the organization's custom types. Its values are shown as Close shows custom fields, one
 * top-level {@code custom.cf_…} key per field that has a value.
 */
@Entity
@DiscriminatorValue(ActivityType.CUSTOM_ACTIVITY_NAME)
public class CustomActivity extends Activity {

    static final String DRAFT = "draft";
    static final String PUBLISHED = "published";

    @Column(name = "custom_activity_type_id")
    public String customActivityTypeId;

    @Column(name = "status")
    public String status;

    /** The values as a JSON object keyed by field id, as validated. */
    @Column(name = "custom")
    public String custom;

    @Override
    public ActivityType type() {
        return ActivityType.CUSTOM_ACTIVITY;
    }

    ObjectNode values() {
        return JsonText.object(custom);
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = ActivityJson.base(this);
        json.put("custom_activity_type_id", customActivityTypeId);
        json.put("status", status);
        values().fields().forEachRemaining(value -> json.set("custom." + value.getKey(), value.getValue()));
        return json;
    }
}
