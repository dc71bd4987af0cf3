package io.leadline.activities.formsubmission;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.activities.activity.Activity;
import io.leadline.activities.activity.ActivityJson;
import io.leadline.activities.activity.ActivityType;
import io.leadline.activities.activity.JsonText;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/**
 * Close's FormSubmission: made by Close Forms, never through the API (Forms don't exist here yet:
 * {@link FormSubmissions#record} is how one comes to exist); read and deleted only.
 */
@Entity
@DiscriminatorValue(ActivityType.FORM_SUBMISSION_NAME)
public class FormSubmission extends Activity {

    @Column(name = "form_id")
    public String formId;

    /** form_name, form_configuration_id, values, values_by_name, ip_address, origin, source_url(_normalized). */
    @Column(name = "details")
    public String details;

    @Override
    public ActivityType type() {
        return ActivityType.FORM_SUBMISSION;
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = ActivityJson.base(this);
        json.put("form_id", formId);
        json.setAll(JsonText.object(details));
        return json;
    }
}
