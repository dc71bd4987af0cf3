package io.leadline.comments.comment;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.comments.richtext.CommentBody;
import io.leadline.platform.wire.RequestBody;

/** A comment body: {@code object_id} and {@code body} on create, {@code body} alone on update. */
final class CommentInput {

    static final String BLANK = "This field may not be blank.";

    final RequestBody request;
    final String objectId;
    final CommentBody body;

    private CommentInput(RequestBody request, boolean create) {
        this.request = request;
        this.objectId = create ? request.requiredNonBlank("object_id", RequestBody.ID_LENGTH) : null;
        String html = request.requiredString("body", RequestBody.LONG_TEXT_LENGTH);
        CommentBody parsed = html == null ? null : CommentBody.parse(html);
        if (parsed != null && parsed.isBlank()) {
            request.fail("body", BLANK);
        }
        this.body = parsed;
    }

    static CommentInput forCreate(JsonNode json) {
        return new CommentInput(RequestBody.of(json), true);
    }

    static CommentInput forUpdate(JsonNode json) {
        return new CommentInput(RequestBody.of(json), false);
    }
}
