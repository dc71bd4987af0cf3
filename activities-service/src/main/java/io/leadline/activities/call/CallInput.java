package io.leadline.activities.call;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.activities.activity.ActivityBaseInput;
import io.leadline.activities.activity.NoteText;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.Patch;
import io.leadline.platform.wire.RequestBody;


/** A call body (Close's CreateCallActivity / UpdateCallActivity). */
final class CallInput {

    /** A day; no logged call is longer. */
    static final long MAX_DURATION = 86_400;

    final ActivityBaseInput base;
    final boolean create;
    final Patch<String> direction;
    final Patch<String> status;
    final Patch<String> disposition;
    final String source;
    final Patch<Long> duration;
    final Patch<String> phone;
    final Patch<String> localPhone;
    final Patch<String> remotePhone;
    final Patch<String> recordingUrl;
    final Patch<String> voicemailUrl;
    final Patch<Long> voicemailDuration;
    final NoteText text;
    final Patch<String> outcomeId;

    private CallInput(ActivityBaseInput base, boolean create) {
        this.base = base;
        this.create = create;
        RequestBody body = base.body;
        this.direction = Patch.read(body, "direction", body.choice("direction", Call.DIRECTIONS));
        this.status = Patch.read(body, "status", body.choice("status", Call.STATUSES));
        notNull(body, "status");
        this.disposition = Patch.read(body, "disposition", body.choice("disposition", Call.DISPOSITIONS));
        this.source = create ? body.choice("source", Call.SOURCES) : null;
        this.duration = Patch.read(body, "duration", body.integer("duration", 0, MAX_DURATION));
        this.phone = phone(body, "phone");
        this.localPhone = phone(body, "local_phone");
        this.remotePhone = phone(body, "remote_phone");
        this.recordingUrl = httpsUrl(body, "recording_url");
        this.voicemailUrl = httpsUrl(body, "voicemail_url");
        this.voicemailDuration = Patch.read(body, "voicemail_duration",
                body.integer("voicemail_duration", 0, MAX_DURATION));
        this.text = NoteText.read(body);
        this.outcomeId = Patch.read(body, "outcome_id", body.string("outcome_id", RequestBody.ID_LENGTH));
    }

    static CallInput forCreate(JsonNode json, Caller caller, String internalToken) {
        return new CallInput(ActivityBaseInput.forCreate(RequestBody.of(json), caller, internalToken), true);
    }

    static CallInput forUpdate(JsonNode json, Caller caller, String internalToken) {
        return new CallInput(ActivityBaseInput.forUpdate(RequestBody.of(json), caller, internalToken), false);
    }

    /** A phone number in any common notation, kept in E.164; a field error when it can't be one. */
    private static Patch<String> phone(RequestBody body, String field) {
        String raw = body.string(field, RequestBody.ID_LENGTH);
        if (raw == null || raw.isBlank()) {
            return Patch.read(body, field, null);
        }
        String normalized = CallPhones.normalize(raw).orElse(null);
        if (normalized == null) {
            body.fail(field, "Not a valid phone number.");
        }
        return Patch.of(normalized);
    }

    /** Recordings and voicemails are fetched by browsers on Close's pages: Close requires https. */
    private static Patch<String> httpsUrl(RequestBody body, String field) {
        String url = body.string(field);
        if (url != null && !url.regionMatches(true, 0, "https://", 0, 8)) {
            body.fail(field, "Must be an https:// URL.");
            return Patch.absent();
        }
        return Patch.read(body, field, url == null || url.isBlank() ? null : url);
    }

    private static void notNull(RequestBody body, String field) {
        if (body.isNull(field)) {
            body.fail(field, "This field may not be null.");
        }
    }

}
