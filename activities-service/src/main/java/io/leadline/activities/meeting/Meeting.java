package io.leadline.activities.meeting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.activities.activity.Activity;
import io.leadline.activities.activity.ActivityJson;
import io.leadline.activities.activity.ActivityType;
import io.leadline.activities.activity.JsonText;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/**
 * Close's Meeting: created by calendar sync, never through the API (no sync exists yet: {@link MeetingService#record}
 * is how one comes to exist). The API changes only {@code user_note_html} and {@code outcome_id} (and the common
 * fields); what the calendar says is kept as given in {@code details}.
 */
@Entity
@DiscriminatorValue(ActivityType.MEETING_NAME)
public class Meeting extends Activity {

    /** From the calendar: title, starts_at, ends_at, status, attendees, is_recurring, provider_*. */
    @Column(name = "details")
    public String details;

    @Column(name = "user_note_html")
    public String userNoteHtml;

    @Column(name = "outcome_id")
    public String outcomeId;

    @Override
    public ActivityType type() {
        return ActivityType.MEETING;
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = ActivityJson.base(this);
        json.setAll(JsonText.object(details));
        json.put("user_note_html", userNoteHtml);
        json.put("outcome_id", outcomeId);
        return json;
    }
}
