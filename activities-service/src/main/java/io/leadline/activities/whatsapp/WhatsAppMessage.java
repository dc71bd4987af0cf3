package io.leadline.activities.whatsapp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.activities.activity.Activity;
import io.leadline.activities.activity.ActivityJson;
import io.leadline.activities.activity.ActivityType;
import io.leadline.activities.activity.JsonText;
import io.leadline.activities.call.CallPhones;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

import java.util.List;

/**
 * Close's WhatsAppMessage: logged by a WhatsApp integration, never sent from here. {@code message_html} is
 * derived from {@code message_markdown} ({@link MessageMarkdown}).
 */
@Entity
@DiscriminatorValue(ActivityType.WHATSAPP_MESSAGE_NAME)
public class WhatsAppMessage extends Activity {

    static final List<String> DIRECTIONS = List.of("incoming", "outgoing");

    @Column(name = "direction")
    public String direction;

    @Column(name = "external_whatsapp_message_id")
    public String externalId;

    @Column(name = "local_phone")
    public String localPhone;

    @Column(name = "remote_phone")
    public String remotePhone;

    @Column(name = "message_markdown")
    public String markdown;

    @Column(name = "message_html")
    public String html;

    @Column(name = "integration_link")
    public String integrationLink;

    @Column(name = "integration_name")
    public String integrationName;

    @Column(name = "response_to_id")
    public String responseToId;

    @Column(name = "attachments")
    public String attachments;

    @Override
    public ActivityType type() {
        return ActivityType.WHATSAPP_MESSAGE;
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = ActivityJson.base(this);
        json.put("direction", direction);
        json.put("external_whatsapp_message_id", externalId);
        CallPhones.put(json, "local_phone", localPhone, null);
        CallPhones.put(json, "remote_phone", remotePhone, null);
        json.put("message_markdown", markdown);
        json.put("message_html", html);
        json.put("integration_link", integrationLink);
        json.put("integration_name", integrationName);
        json.put("response_to_id", responseToId);
        json.set("attachments", JsonText.array(attachments));
        return json;
    }
}
