package io.leadline.comments.comment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.wire.CloseDateTimes;

import java.util.List;

/**
 * The wire form of a thread. The stored document has no comments (reads compose them from the comments' own
 * documents); responses and events name them.
 */
public final class ThreadJson {

    private ThreadJson() {
    }

    public static ObjectNode toJson(CommentThread thread, List<Comment> comments) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", thread.id);
        json.put("organization_id", thread.organizationId);
        json.put("object_id", thread.objectId);
        json.put("object_type", thread.objectType);
        json.put("lead_id", thread.leadId);
        json.put("created_by", thread.createdBy);
        json.put("date_created", CloseDateTimes.format(thread.dateCreated));
        ArrayNode list = json.putArray("comments");
        comments.forEach(comment -> list.add(CommentJson.toJson(comment)));
        return json;
    }
}
