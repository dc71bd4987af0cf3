package io.leadline.core.task;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.wire.CloseDateTimes;

/** Close's wire form of a task. {@code due_date} mirrors {@code date}; plain tasks point at no other object. */
public final class TaskJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private TaskJson() {
    }

    public static ObjectNode toJson(Task task, String leadName) {
        TaskDate date = task.date();
        ObjectNode json = JSON.objectNode();
        json.put("id", task.id);
        json.put("_type", task.type);
        json.put("organization_id", task.organizationId);
        json.put("lead_id", task.leadId);
        json.put("lead_name", leadName);
        json.put("contact_id", task.contactId);
        json.put("assigned_to", task.assignedTo);
        json.put("assigned_to_name", task.assignedToName);
        json.put("text", task.text);
        json.put("date", date.wire());
        json.put("due_date", date.wire());
        json.put("is_dateless", date.isDateless());
        json.put("is_complete", task.isComplete);
        json.putNull("object_type");
        json.putNull("object_id");
        json.put("created_by", task.createdBy);
        json.put("created_by_name", task.createdByName);
        json.put("updated_by", task.updatedBy);
        json.put("updated_by_name", task.updatedByName);
        json.put("date_created", CloseDateTimes.format(task.dateCreated));
        json.put("date_updated", CloseDateTimes.format(task.dateUpdated));
        return json;
    }

    /** The event log's object type of a task, e.g. {@code task.lead} or {@code task.outgoing_call}. */
    static String objectType(Task task) {
        return "task." + task.type;
    }
}
