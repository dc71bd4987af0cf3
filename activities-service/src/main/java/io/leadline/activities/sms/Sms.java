package io.leadline.activities.sms;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.activities.activity.Activity;
import io.leadline.activities.activity.ActivityJson;
import io.leadline.activities.activity.ActivityType;
import io.leadline.activities.activity.JsonText;
import io.leadline.activities.call.CallPhones;
import io.leadline.platform.wire.CloseDateTimes;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

import java.time.Instant;
import java.util.List;

/**
 * Close's SMS activity: the email status machine ({@code activity.MessageStatus}) over a text message. No SMS
 * provider is connected, so one put in the outbox stays there (README).
 */
@Entity
@DiscriminatorValue(ActivityType.SMS_NAME)
public class Sms extends Activity {

    static final List<String> DIRECTIONS = List.of("inbound", "outbound");
    static final List<String> SOURCES = List.of("External", "Close.io");

    @Column(name = "status")
    public String status;

    @Column(name = "direction")
    public String direction;

    @Column(name = "call_source")
    public String source;

    @Column(name = "message_text")
    public String text;

    @Column(name = "local_phone")
    public String localPhone;

    @Column(name = "remote_phone")
    public String remotePhone;

    @Column(name = "template_id")
    public String templateId;

    @Column(name = "attachments")
    public String attachments;

    @Column(name = "date_scheduled")
    public Instant dateScheduled;

    @Column(name = "date_sent")
    public Instant dateSent;

    @Column(name = "error_message")
    public String errorMessage;

    @Override
    public ActivityType type() {
        return ActivityType.SMS;
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = ActivityJson.base(this);
        json.put("status", status);
        json.put("direction", direction);
        json.put("source", source);
        json.put("text", text);
        CallPhones.put(json, "local_phone", localPhone, "local_country_iso");
        CallPhones.put(json, "remote_phone", remotePhone, "remote_country_iso");
        json.put("template_id", templateId);
        json.set("attachments", JsonText.array(attachments));
        json.put("date_scheduled", dateScheduled == null ? null : CloseDateTimes.format(dateScheduled));
        json.put("date_sent", dateSent == null ? null : CloseDateTimes.format(dateSent));
        json.put("error_message", errorMessage);
        json.putNull("cost");
        json.putNull("sequence_id");
        json.putNull("sequence_name");
        json.putNull("sequence_subscription_id");
        return json;
    }
}
