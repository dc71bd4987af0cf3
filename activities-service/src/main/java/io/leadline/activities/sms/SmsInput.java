package io.leadline.activities.sms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.leadline.activities.activity.ActivityBaseInput;
import io.leadline.activities.activity.Attachments;
import io.leadline.activities.activity.MessageStatus;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.Patch;
import io.leadline.platform.wire.RequestBody;

import java.time.Instant;
import java.util.List;

/** An SMS body (Close's CreateSMSActivity / UpdateSMSActivity). */
final class SmsInput {

    /** MMS: an SMS with media attachments. */
    static final int MAX_ATTACHMENTS = 10;
    /** Close's SMS text limit is the carriers' concatenated-message size; ours is a generous bound. */
    static final int MAX_TEXT = 10_000;
    /** The media types carriers deliver as MMS (Close's list). */
    static final List<String> MEDIA_TYPES = List.of("application/pdf", "application/vcard", "audio/3gpp",
            "audio/3gpp2", "audio/L24", "audio/ac3", "audio/amr", "audio/amr-nb", "audio/basic", "audio/mp4",
            "audio/mpeg", "audio/ogg", "audio/vnd.rn-realaudio", "audio/vnd.wave", "audio/webm", "image/bmp",
            "image/gif", "image/jpeg", "image/jpg", "image/png", "image/tiff", "text/calendar", "text/csv",
            "text/directory", "text/richtext", "text/rtf", "text/vcard", "text/x-vcard", "video/3gpp", "video/3gpp-tt",
            "video/3gpp2", "video/H261", "video/H263", "video/H263-1998", "video/H263-2000", "video/H264", "video/mp4",
            "video/mpeg", "video/quicktime", "video/webm");

    final ActivityBaseInput base;
    final Patch<String> status;
    final String direction;
    final String source;
    final Patch<String> text;
    final Patch<String> localPhone;
    final Patch<String> remotePhone;
    final Patch<String> templateId;
    final Patch<ArrayNode> attachments;
    final Patch<Instant> dateScheduled;

    private SmsInput(ActivityBaseInput base, boolean create) {
        this.base = base;
        RequestBody body = base.body;
        this.status = Patch.read(body, "status", create ? MessageStatus.forCreate(body) : MessageStatus.forUpdate(body));
        this.direction = create ? body.choice("direction", Sms.DIRECTIONS) : null;
        this.source = create ? body.choice("source", Sms.SOURCES) : null;
        this.text = Patch.read(body, "text", body.string("text", MAX_TEXT));
        this.localPhone = PhoneInput.read(body, "local_phone", false);
        this.remotePhone = PhoneInput.read(body, "remote_phone", false);
        this.templateId = Patch.read(body, "template_id", body.string("template_id", RequestBody.ID_LENGTH));
        this.attachments = Patch.read(body, "attachments", attachments(body));
        this.dateScheduled = Patch.read(body, "date_scheduled", body.datetime("date_scheduled"));
    }

    static SmsInput forCreate(JsonNode json, Caller caller, String internalToken) {
        return new SmsInput(ActivityBaseInput.forCreate(RequestBody.of(json), caller, internalToken), true);
    }

    static SmsInput forUpdate(JsonNode json, Caller caller, String internalToken) {
        return new SmsInput(ActivityBaseInput.forUpdate(RequestBody.of(json), caller, internalToken), false);
    }

    /** Each attachment: an https url, a filename and one of the media types carriers take. */
    private static ArrayNode attachments(RequestBody body) {
        return Attachments.read(body, MAX_ATTACHMENTS, (item, attachment) -> attachment.put("content_type",
                item.requiredString("content_type") == null ? null : item.choice("content_type", MEDIA_TYPES)));
    }
}
