package io.leadline.comments.commented;

import java.util.ArrayList;
import java.util.List;

/**
 * The object types of the event log (NOTES §7) that can be commented on, with every action their owners publish.
 * The platform consumer dispatches by exact {@code object_type.action}, so the vocabulary is spelled out here: an
 * activity type activities-service adds later needs its name added below (its events are acknowledged untouched
 * until then, and a comment on such an object still works through the owner's API).
 */
final class CommentableTypes {

    static final String LEAD = "lead";
    static final String DELETED = "deleted";

    static final List<String> CRM_CORE = List.of(LEAD, "contact", "opportunity");
    /** Close's task types; a task's event type is {@code task.<type>}. */
    static final List<String> TASK_TYPES = List.of("lead", "outgoing_call", "incoming_email", "email_followup",
            "missed_call", "answered_detached_call", "voicemail", "opportunity_due", "incoming_sms");
    /** Close's activity types; an activity's event type is {@code activity.<type>}. */
    static final List<String> ACTIVITY_TYPES = List.of("call", "email", "email_thread", "sms", "whatsapp_message",
            "note", "meeting", "form_submission", "custom_activity", "lead_status_change",
            "opportunity_status_change", "task_completed", "lead_merge", "created");
    /** Every action of those types (Close's special ones too: a completed task or a sent email still exists). */
    static final List<String> ACTIONS = List.of("created", "updated", DELETED, "merged", "completed", "sent",
            "answered", "scheduled", "started", "canceled");

    private CommentableTypes() {
    }

    /** Every commentable object type, e.g. {@code lead}, {@code task.lead}, {@code activity.note}. */
    static List<String> objectTypes() {
        List<String> types = new ArrayList<>(CRM_CORE);
        TASK_TYPES.forEach(type -> types.add("task." + type));
        ACTIVITY_TYPES.forEach(type -> types.add("activity." + type));
        return types;
    }
}
