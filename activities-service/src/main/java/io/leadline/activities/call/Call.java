package io.leadline.activities.call;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.activities.activity.Activity;
import io.leadline.activities.activity.ActivityJson;
import io.leadline.activities.activity.ActivityType;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

import java.util.List;

/** Close's Call activity, as logged through the API (calls made outside Close's own telephony). */
@Entity
@DiscriminatorValue(ActivityType.CALL_NAME)
public class Call extends Activity {

    static final List<String> DIRECTIONS = List.of("inbound", "outbound");
    static final List<String> STATUSES = List.of("created", "in-progress", "completed", "cancel", "no-answer", "busy",
            "failed", "timeout");
    static final List<String> DISPOSITIONS = List.of("answered", "no-answer", "vm-answer", "vm-left", "busy", "blocked",
            "error", "abandoned");
    static final List<String> SOURCES = List.of("External", "Close.io");
    static final String DEFAULT_STATUS = "completed";
    static final String DEFAULT_SOURCE = "External";

    @Column(name = "direction")
    public String direction;

    @Column(name = "status")
    public String status;

    @Column(name = "disposition")
    public String disposition;

    @Column(name = "call_source")
    public String source;

    /** Seconds. */
    @Column(name = "duration")
    public Long duration;

    @Column(name = "phone")
    public String phone;

    @Column(name = "local_phone")
    public String localPhone;

    @Column(name = "remote_phone")
    public String remotePhone;

    @Column(name = "recording_url")
    public String recordingUrl;

    @Column(name = "voicemail_url")
    public String voicemailUrl;

    @Column(name = "voicemail_duration")
    public Long voicemailDuration;

    @Column(name = "note")
    public String note;

    @Column(name = "note_html")
    public String noteHtml;

    @Column(name = "outcome_id")
    public String outcomeId;

    @Override
    public ActivityType type() {
        return ActivityType.CALL;
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = ActivityJson.base(this);
        json.put("direction", direction);
        json.put("status", status);
        json.put("disposition", disposition);
        json.put("source", source);
        json.put("duration", duration == null ? 0 : duration);
        CallPhones.put(json, "phone", phone, null);
        CallPhones.put(json, "local_phone", localPhone, "local_country_iso");
        CallPhones.put(json, "remote_phone", remotePhone, "remote_country_iso");
        json.put("recording_url", recordingUrl);
        json.put("voicemail_url", voicemailUrl);
        json.put("voicemail_duration", voicemailDuration == null ? 0 : voicemailDuration);
        json.put("note", note);
        json.put("note_html", noteHtml);
        json.put("outcome_id", outcomeId);
        json.putNull("sequence_id");
        json.putNull("sequence_name");
        json.putNull("sequence_subscription_id");
        return json;
    }
}
