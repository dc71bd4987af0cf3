package io.leadline.activities.activity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.wire.CloseDateTimes;

/** The fields every activity's wire form starts with (Close's {@code ActivityBase}). */
public final class ActivityJson {

    private ActivityJson() {
    }

    public static ObjectNode base(Activity activity) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", activity.id);
        json.put("_type", activity.type().wireName());
        json.put("organization_id", activity.organizationId);
        json.put("lead_id", activity.leadId);
        json.put("contact_id", activity.contactId);
        json.put("user_id", activity.userId);
        json.put("user_name", activity.userName);
        ArrayNode users = json.putArray("users");
        if (activity.userId != null) {
            users.add(activity.userId);
        }
        json.put("created_by", activity.createdBy);
        json.put("created_by_name", activity.createdByName);
        json.put("updated_by", activity.updatedBy);
        json.put("updated_by_name", activity.updatedByName);
        json.put("date_created", CloseDateTimes.format(activity.dateCreated));
        json.put("date_updated", CloseDateTimes.format(activity.dateUpdated));
        json.put("activity_at", CloseDateTimes.format(activity.activityAt));
        return json;
    }
}
