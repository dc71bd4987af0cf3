package io.leadline.activities.email;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.activities.activity.Activity;
import io.leadline.activities.activity.ActivityJson;
import io.leadline.activities.activity.ActivityType;
import io.leadline.activities.activity.JsonText;
import io.leadline.activities.activity.MessageStatus;
import io.leadline.platform.richtext.RichText;
import io.leadline.platform.wire.CloseDateTimes;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

import java.time.Instant;
import java.util.List;

/**
 * Close's Email activity (NOTES §6.2): logged (inbox, sent), drafted, scheduled or put in the outbox, where
 * {@link EmailSending} sends it. While it waits to be sent {@link #sendDueAt} says when the worker should try.
 */
@Entity
@DiscriminatorValue(ActivityType.EMAIL_NAME)
public class Email extends Activity {

    /** Close's body_preview: the start of the plain body. */
    private static final int PREVIEW_LENGTH = 100;

    @Column(name = "status")
    public String status;

    @Column(name = "direction")
    public String direction;

    @Column(name = "subject")
    public String subject;

    @Column(name = "body_text")
    public String bodyText;

    @Column(name = "body_html")
    public String bodyHtml;

    @Column(name = "sender")
    public String sender;

    /** {@code {"to": [...], "cc": [...], "bcc": [...]}}. */
    @Column(name = "recipients")
    public String recipients;

    @Column(name = "attachments")
    public String attachments;

    @Column(name = "thread_id")
    public String threadId;

    @Column(name = "in_reply_to_id")
    public String inReplyToId;

    @Column(name = "message_ids")
    public String messageIds;

    /** Fields nothing filters or sorts by: template, follow-up, references, opens, send attempts. */
    @Column(name = "email_extra")
    public String extra;

    @Column(name = "date_scheduled")
    public Instant dateScheduled;

    @Column(name = "date_sent")
    public Instant dateSent;

    @Column(name = "send_due_at")
    public Instant sendDueAt;

    @Column(name = "send_failures")
    public Integer sendFailures;

    @Override
    public ActivityType type() {
        return ActivityType.EMAIL;
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = ActivityJson.base(this);
        ObjectNode extras = extras();
        json.put("status", status);
        json.put("direction", direction);
        json.put("sender", sender);
        ObjectNode to = JsonText.object(recipients);
        for (String field : List.of("to", "cc", "bcc")) {
            json.set(field, to.has(field) ? to.get(field) : JsonNodeFactory.instance.arrayNode());
        }
        json.put("subject", subject);
        json.put("body_text", bodyText);
        json.put("body_html", bodyHtml);
        json.put("body_preview", preview());
        json.set("attachments", JsonText.array(attachments));
        json.set("template_id", extras.path("template_id").isMissingNode() ? null : extras.get("template_id"));
        json.putNull("template_name");
        json.put("thread_id", threadId);
        json.put("in_reply_to_id", inReplyToId);
        json.set("message_ids", JsonText.array(messageIds));
        json.set("references", array(extras, "references"));
        json.putNull("envelope");
        json.set("opens", array(extras, "opens"));
        json.putNull("opens_summary");
        json.put("has_reply", hasReply());
        json.put("date_scheduled", dateScheduled == null ? null : CloseDateTimes.format(dateScheduled));
        json.put("date_sent", dateSent == null ? null : CloseDateTimes.format(dateSent));
        json.set("send_attempts", array(extras, "send_attempts"));
        json.putNull("email_account_id");
        json.putNull("send_as_id");
        json.putNull("bulk_email_action_id");
        json.put("need_smtp_credentials", false);
        json.set("followup_date", extras.path("followup_date").isMissingNode() ? null : extras.get("followup_date"));
        json.set("followup_sequence_id", extras.path("followup_sequence_id").isMissingNode() ? null
                : extras.get("followup_sequence_id"));
        json.set("followup_sequence_delay", extras.path("followup_sequence_delay").isMissingNode() ? null
                : extras.get("followup_sequence_delay"));
        json.put("followup_sequence_add_cc_bcc", extras.path("followup_sequence_add_cc_bcc").asBoolean(false));
        json.putNull("sequence_id");
        json.putNull("sequence_name");
        json.putNull("sequence_subscription_id");
        return json;
    }

    /** Close's {@code has_reply}: a sent email of a thread in which an incoming email came after it. */
    boolean hasReply() {
        return extras().path("has_reply").asBoolean(false);
    }

    void hasReply(boolean replied) {
        extra("has_reply", replied ? JsonNodeFactory.instance.booleanNode(true) : null);
    }

    ObjectNode extras() {
        return JsonText.object(extra);
    }

    /** Sets or (with null) removes one of the extra fields. */
    void extra(String field, JsonNode value) {
        ObjectNode extras = extras();
        if (value == null || value.isNull()) {
            extras.remove(field);
        } else {
            extras.set(field, value);
        }
        extra = extras.isEmpty() ? null : extras.toString();
    }

    ArrayNode to() {
        return list("to");
    }

    ArrayNode cc() {
        return list("cc");
    }

    ArrayNode bcc() {
        return list("bcc");
    }

    private ArrayNode list(String field) {
        JsonNode value = JsonText.object(recipients).get(field);
        return value instanceof ArrayNode array ? array : JsonNodeFactory.instance.arrayNode();
    }

    boolean waitsToBeSent() {
        return MessageStatus.waitsToBeSent(status);
    }

    private String preview() {
        String text = bodyText != null && !bodyText.isBlank() ? bodyText
                : bodyHtml == null ? "" : RichText.toPlainText(bodyHtml);
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= PREVIEW_LENGTH ? flat : flat.substring(0, PREVIEW_LENGTH);
    }

    private static ArrayNode array(ObjectNode extras, String field) {
        JsonNode value = extras.get(field);
        return value instanceof ArrayNode array ? array : JsonNodeFactory.instance.arrayNode();
    }
}
