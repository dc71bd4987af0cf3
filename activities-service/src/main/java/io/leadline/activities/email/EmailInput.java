package io.leadline.activities.email;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.activities.activity.ActivityBaseInput;
import io.leadline.activities.activity.Attachments;
import io.leadline.activities.activity.MessageStatus;
import io.leadline.platform.richtext.RichText;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.CloseDateTimes;
import io.leadline.platform.wire.Patch;
import io.leadline.platform.wire.RequestBody;

import java.time.Instant;
import java.util.List;

/** An email body (Close's CreateEmailActivity / UpdateEmailActivity), each field checked on its own. */
final class EmailInput {

    static final int MAX_RECIPIENTS = 100;
    static final int MAX_ATTACHMENTS = 20;
    /** Close's undo window: {@code send_in} must be under a minute. */
    static final long MAX_SEND_IN = 59;
    static final List<String> RECIPIENT_FIELDS = List.of("to", "cc", "bcc");

    final ActivityBaseInput base;
    final Patch<String> status;
    final Patch<String> sender;
    final ObjectNode recipients;
    final Patch<String> subject;
    final Patch<String> bodyText;
    final Patch<String> bodyHtml;
    final Patch<ArrayNode> attachments;
    final Patch<String> templateId;
    final Patch<String> inReplyToId;
    final Patch<Instant> dateScheduled;
    final Long sendIn;
    final Instant dateSent;
    final ArrayNode messageIds;
    final ArrayNode references;
    final ObjectNode extras;

    private EmailInput(ActivityBaseInput base, boolean create) {
        this.base = base;
        RequestBody body = base.body;
        String statusValue = create ? MessageStatus.forCreate(body) : MessageStatus.forUpdate(body);
        this.status = Patch.read(body, "status", statusValue);
        String senderValue = body.string("sender", EmailAddresses.MAX_LENGTH + RequestBody.NAME_LENGTH);
        if (senderValue != null && !senderValue.isBlank() && !EmailAddresses.valid(senderValue)) {
            body.fail("sender", "Enter a valid email address, e.g. \"Ada Lovelace\" <ada@example.com>.");
        }
        this.sender = Patch.read(body, "sender", senderValue == null || senderValue.isBlank() ? null : senderValue.trim());
        this.recipients = JsonNodeFactory.instance.objectNode();
        for (String field : RECIPIENT_FIELDS) {
            ArrayNode list = addresses(body, field);
            if (list != null) {
                recipients.set(field, list);
            }
        }
        this.subject = Patch.read(body, "subject", body.string("subject"));
        String text = body.string("body_text", RequestBody.LONG_TEXT_LENGTH);
        String html = body.string("body_html", RequestBody.LONG_TEXT_LENGTH);
        this.bodyHtml = Patch.read(body, "body_html", html == null ? null : RichText.sanitize(html));
        // a body given as html only also gets its plain form, the part mail clients without html show
        this.bodyText = body.has("body_text") ? Patch.of(text)
                : html != null ? Patch.of(RichText.toPlainText(bodyHtml.value())) : Patch.absent();
        this.attachments = Patch.read(body, "attachments", attachments(body));
        this.templateId = Patch.read(body, "template_id", body.string("template_id", RequestBody.ID_LENGTH));
        this.inReplyToId = Patch.read(body, "in_reply_to_id", body.string("in_reply_to_id", RequestBody.ID_LENGTH));
        this.dateScheduled = Patch.read(body, "date_scheduled", body.datetime("date_scheduled"));
        this.sendIn = body.integer("send_in", 0, MAX_SEND_IN);
        this.dateSent = create ? body.datetime("date_sent") : null;
        this.messageIds = create ? strings(body, "message_ids") : null;
        this.references = create ? strings(body, "references") : null;
        this.extras = JsonNodeFactory.instance.objectNode();
        Instant followup = body.datetime("followup_date");
        if (body.has("followup_date")) {
            extras.set("followup_date", followup == null ? null
                    : JsonNodeFactory.instance.textNode(CloseDateTimes.format(followup)));
        }
        if (body.has("followup_sequence_id")) {
            extras.put("followup_sequence_id", body.string("followup_sequence_id", RequestBody.ID_LENGTH));
        }
        if (body.has("followup_sequence_delay")) {
            extras.put("followup_sequence_delay", body.integer("followup_sequence_delay", 0, Integer.MAX_VALUE));
        }
        if (body.has("followup_sequence_add_cc_bcc")) {
            extras.put("followup_sequence_add_cc_bcc", body.bool("followup_sequence_add_cc_bcc"));
        }
        if (body.has("opens")) {
            extras.set("opens", opens(body));
        }
    }

    static EmailInput forCreate(JsonNode json, Caller caller, String internalToken) {
        return new EmailInput(ActivityBaseInput.forCreate(RequestBody.of(json), caller, internalToken), true);
    }

    static EmailInput forUpdate(JsonNode json, Caller caller, String internalToken) {
        return new EmailInput(ActivityBaseInput.forUpdate(RequestBody.of(json), caller, internalToken), false);
    }

    void fail(String field, String message) {
        base.body.fail(field, message);
    }

    void throwIfInvalid() {
        base.body.throwIfInvalid();
    }

    /** A list of addresses; null when absent, an empty list when null. */
    private static ArrayNode addresses(RequestBody body, String field) {
        if (!body.has(field)) {
            return null;
        }
        ArrayNode items = body.array(field, MAX_RECIPIENTS);
        ArrayNode clean = JsonNodeFactory.instance.arrayNode();
        if (items == null) {
            return clean;
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.isTextual() || !EmailAddresses.valid(item.textValue())) {
                body.fail(field + "." + i, "Enter a valid email address.");
            } else {
                clean.add(item.textValue().trim());
            }
        }
        return clean;
    }

    private static ArrayNode strings(RequestBody body, String field) {
        ArrayNode items = body.array(field);
        if (items == null) {
            return null;
        }
        ArrayNode clean = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.isTextual() || item.textValue().isBlank() || item.textValue().length() > RequestBody.NAME_LENGTH) {
                body.fail(field + "." + i, "Must be a non-empty string of at most " + RequestBody.NAME_LENGTH
                        + " characters.");
            } else {
                clean.add(item.textValue().trim());
            }
        }
        return clean;
    }

    /** Attachments name files uploaded first: an https url, a filename and a size; other keys Close knows kept. */
    private static ArrayNode attachments(RequestBody body) {
        return Attachments.read(body, MAX_ATTACHMENTS, (item, attachment) -> {
            Long size = item.integer("size", 0, Long.MAX_VALUE);
            if (size == null && !item.has("size")) {
                item.fail("size", RequestBody.REQUIRED);
            }
            attachment.put("size", size);
            attachment.put("content_type", item.string("content_type", RequestBody.NAME_LENGTH));
            attachment.put("content_id", item.string("content_id", RequestBody.NAME_LENGTH));
            attachment.put("inline_only", Boolean.TRUE.equals(item.bool("inline_only")));
        });
    }

    private static ArrayNode opens(RequestBody body) {
        ArrayNode items = body.array("opens");
        ArrayNode clean = JsonNodeFactory.instance.arrayNode();
        if (items == null) {
            return clean;
        }
        for (int i = 0; i < items.size(); i++) {
            RequestBody item = body.nested("opens", i, items.get(i));
            if (item == null) {
                continue;
            }
            Instant at = item.datetime("opened_at");
            if (at == null && !item.errors().has("opens." + i + ".opened_at")) {
                item.fail("opened_at", RequestBody.REQUIRED);
            }
            clean.addObject().put("opened_at", at == null ? null : CloseDateTimes.format(at));
        }
        return clean;
    }
}
