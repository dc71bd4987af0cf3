package io.leadline.comments.comment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.comments.richtext.CommentBody;
import io.leadline.platform.wire.CloseDateTimes;

/** The wire form of a comment: the response, the stored document and its events' {@code data}. */
public final class CommentJson {

    private CommentJson() {
    }

    public static ObjectNode toJson(Comment comment) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", comment.id);
        json.put("organization_id", comment.organizationId);
        json.put("thread_id", comment.threadId);
        json.put("object_id", comment.objectId);
        json.put("object_type", comment.objectType);
        json.put("lead_id", comment.leadId);
        json.put("body", comment.body);
        json.put("body_text", comment.bodyText);
        ArrayNode mentions = json.putArray("mentions");
        CommentBody.mentionsIn(comment.body).forEach(mentions::add);
        json.put("is_removed", comment.removed);
        json.put("created_by", comment.createdBy);
        json.put("updated_by", comment.updatedBy);
        json.put("date_created", CloseDateTimes.format(comment.dateCreated));
        json.put("date_updated", CloseDateTimes.format(comment.dateUpdated));
        return json;
    }
}
