package io.leadline.activities.note;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.leadline.activities.activity.ActivityBaseInput;
import io.leadline.activities.activity.Attachments;
import io.leadline.activities.activity.NoteText;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.Patch;
import io.leadline.platform.wire.RequestBody;

/** A note body (Close's CreateNoteActivity / UpdateNoteActivity). */
final class NoteInput {

    /** Attachments are files uploaded first; a note holds at most this many. */
    static final int MAX_ATTACHMENTS = 20;

    final ActivityBaseInput base;
    final NoteText text;
    final Patch<String> title;
    final Boolean pinned;
    final Patch<ArrayNode> attachments;

    private NoteInput(ActivityBaseInput base) {
        this.base = base;
        RequestBody body = base.body;
        this.text = NoteText.read(body);
        this.title = Patch.read(body, "title", body.string("title", RequestBody.NAME_LENGTH));
        this.pinned = body.bool("pinned");
        this.attachments = Patch.read(body, "attachments", attachments(body));
    }

    static NoteInput forCreate(JsonNode json, Caller caller, String internalToken) {
        return new NoteInput(ActivityBaseInput.forCreate(RequestBody.of(json), caller, internalToken));
    }

    static NoteInput forUpdate(JsonNode json, Caller caller, String internalToken) {
        return new NoteInput(ActivityBaseInput.forUpdate(RequestBody.of(json), caller, internalToken));
    }

    /** Each attachment needs an https url and a filename; content_type is optional. Only these keys are kept. */
    private static ArrayNode attachments(RequestBody body) {
        return Attachments.read(body, MAX_ATTACHMENTS, (item, attachment) ->
                attachment.put("content_type", item.string("content_type", RequestBody.NAME_LENGTH)));
    }
}
