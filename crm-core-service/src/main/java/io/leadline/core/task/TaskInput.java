package io.leadline.core.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.platform.wire.Patch;
import io.leadline.platform.wire.RequestBody;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A task create, update or bulk-update body, read and type-checked field by field. Updates are partial, so each
 * writable field remembers whether it was sent. Checks that need the database (the lead, the contact, the task's
 * type) are added to the same error collector by the service before anything is written.
 */
final class TaskInput {

    static final List<String> UPDATABLE = List.of("assigned_to", "date", "due_date", "is_complete", "text");
    static final List<String> BULK_UPDATABLE = List.of("assigned_to", "date", "is_complete");

    final RequestBody body;
    final String type;
    final String leadId;
    final String contactId;
    final Patch<String> assignedTo;
    final Patch<String> text;
    final Patch<TaskDate> date;
    final Patch<Boolean> isComplete;

    private TaskInput(RequestBody body, boolean create) {
        this.body = body;
        this.type = create ? readType(body) : null;
        this.leadId = create ? body.requiredString("lead_id", RequestBody.ID_LENGTH) : null;
        this.contactId = create ? body.string("contact_id", RequestBody.ID_LENGTH) : null;
        this.assignedTo = Patch.read(body, "assigned_to", body.string("assigned_to", RequestBody.ID_LENGTH));
        this.text = Patch.read(body, "text", body.string("text", RequestBody.LONG_TEXT_LENGTH));
        this.date = readDate(body);
        this.isComplete = Patch.read(body, "is_complete", body.bool("is_complete"));
        if (!create) {
            for (String field : List.of("assigned_to", "is_complete")) {
                if (body.isNull(field)) {
                    body.fail(field, "This field may not be null.");
                }
            }
        }
    }

    static TaskInput forCreate(JsonNode json) {
        return new TaskInput(RequestBody.of(json), true);
    }

    static TaskInput forUpdate(JsonNode json) {
        TaskInput input = new TaskInput(RequestBody.of(json), false);
        input.refuseFieldsOtherThan(UPDATABLE);
        return input;
    }

    static TaskInput forBulkUpdate(JsonNode json) {
        TaskInput input = new TaskInput(RequestBody.of(json), false);
        input.refuseFieldsOtherThan(BULK_UPDATABLE);
        return input;
    }

    private void refuseFieldsOtherThan(List<String> allowed) {
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            String name = fields.next().getKey();
            if (!allowed.contains(name)) {
                body.fail(name, "This field can't be updated here; only " + String.join(", ", allowed) + " can.");
            }
        }
    }

    private static String readType(RequestBody body) {
        String type = body.string("_type");
        if (type == null) {
            return body.has("_type") && !body.isNull("_type") ? null : TaskTypes.LEAD;
        }
        if (!TaskTypes.CREATABLE.contains(type)) {
            body.fail("_type", "Only tasks of type " + String.join(" or ", TaskTypes.CREATABLE) + " can be created.");
            return null;
        }
        return type;
    }

    /** {@code date}, or its alias {@code due_date} when only that was sent; both must agree when both are sent. */
    private static Patch<TaskDate> readDate(RequestBody body) {
        Patch<TaskDate> date = Patch.read(body, "date", dateValue(body, "date"));
        Patch<TaskDate> dueDate = Patch.read(body, "due_date", dateValue(body, "due_date"));
        if (date.isPresent() && dueDate.isPresent() && !date.value().equals(dueDate.value())) {
            body.fail("due_date", "date and due_date must be equal when both are sent.");
        }
        return date.isPresent() ? date : dueDate;
    }

    private static TaskDate dateValue(RequestBody body, String field) {
        String text = body.string(field);
        if (text == null) {
            return TaskDate.NONE;
        }
        return TaskDate.parse(text).orElseGet(() -> {
            body.fail(field, "Not a valid date (YYYY-MM-DD) or datetime (YYYY-MM-DDThh:mm:ss±hh:mm).");
            return TaskDate.NONE;
        });
    }
}
