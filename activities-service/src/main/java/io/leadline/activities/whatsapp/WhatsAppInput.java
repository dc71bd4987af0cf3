package io.leadline.activities.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.leadline.activities.activity.ActivityBaseInput;
import io.leadline.activities.activity.Attachments;
import io.leadline.activities.sms.PhoneInput;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.Patch;
import io.leadline.platform.wire.RequestBody;

/**
 * A WhatsApp message body (Close's CreateWhatsAppMessage / UpdateWhatsAppMessage). On create Close requires
 * {@code contact_id}, {@code direction}, {@code external_whatsapp_message_id}, {@code local_phone},
 * {@code remote_phone}, {@code message_markdown} and {@code activity_at} besides {@code lead_id}.
 */
final class WhatsAppInput {

    static final int MAX_ATTACHMENTS = 20;
    /** Close's 25 MB limit on a message's attachments together. */
    static final long MAX_ATTACHMENT_BYTES = 25L * 1024 * 1024;

    final ActivityBaseInput base;
    final Patch<String> direction;
    final Patch<String> externalId;
    final Patch<String> localPhone;
    final Patch<String> remotePhone;
    final Patch<String> markdown;
    final Patch<String> integrationLink;
    final Patch<String> integrationName;
    final Patch<String> responseToId;
    final Patch<ArrayNode> attachments;

    private WhatsAppInput(ActivityBaseInput base, boolean create) {
        this.base = base;
        RequestBody body = base.body;
        if (create) {
            for (String field : new String[] {"contact_id", "direction", "external_whatsapp_message_id",
                    "message_markdown", "activity_at"}) {
                if (!body.has(field) || body.isNull(field)) {
                    body.fail(field, RequestBody.REQUIRED);
                }
            }
        } else {
            for (String field : new String[] {"direction", "external_whatsapp_message_id", "local_phone",
                    "remote_phone", "message_markdown"}) {
                if (body.isNull(field)) {
                    body.fail(field, "This field may not be null.");
                }
            }
        }
        this.direction = Patch.read(body, "direction", body.choice("direction", WhatsAppMessage.DIRECTIONS));
        String external = body.string("external_whatsapp_message_id", RequestBody.NAME_LENGTH);
        if (external != null && external.isBlank()) {
            body.fail("external_whatsapp_message_id", "This field may not be blank.");
        }
        this.externalId = Patch.read(body, "external_whatsapp_message_id", external);
        this.localPhone = PhoneInput.read(body, "local_phone", create);
        this.remotePhone = PhoneInput.read(body, "remote_phone", create);
        this.markdown = Patch.read(body, "message_markdown",
                body.string("message_markdown", RequestBody.LONG_TEXT_LENGTH));
        String link = body.string("integration_link");
        if (link != null && !link.regionMatches(true, 0, "https://", 0, 8)) {
            body.fail("integration_link", "Must be an https:// URL.");
        }
        this.integrationLink = Patch.read(body, "integration_link", link);
        this.integrationName = Patch.read(body, "integration_name",
                body.string("integration_name", RequestBody.NAME_LENGTH));
        this.responseToId = Patch.read(body, "response_to_id", body.string("response_to_id", RequestBody.ID_LENGTH));
        this.attachments = Patch.read(body, "attachments", attachments(body));
    }

    static WhatsAppInput forCreate(JsonNode json, Caller caller, String internalToken) {
        return new WhatsAppInput(ActivityBaseInput.forCreate(RequestBody.of(json), caller, internalToken), true);
    }

    static WhatsAppInput forUpdate(JsonNode json, Caller caller, String internalToken) {
        return new WhatsAppInput(ActivityBaseInput.forUpdate(RequestBody.of(json), caller, internalToken), false);
    }

    /** Uploaded files: an https url, a filename, a size; at most 25 MB together. */
    private static ArrayNode attachments(RequestBody body) {
        long[] total = {0};
        ArrayNode clean = Attachments.read(body, MAX_ATTACHMENTS, (item, attachment) -> {
            Long size = item.integer("size", 0, MAX_ATTACHMENT_BYTES);
            total[0] += size == null ? 0 : size;
            attachment.put("content_type", item.string("content_type", RequestBody.NAME_LENGTH));
            attachment.put("size", size);
        });
        if (total[0] > MAX_ATTACHMENT_BYTES) {
            body.fail("attachments", "Attachments may be at most 25 MB together.");
        }
        return clean;
    }
}
