package io.leadline.core.task;

import java.util.List;

/** Close's task types. Only the first two can be created through the API; the others come from activities. */
final class TaskTypes {

    static final String LEAD = "lead";
    static final String OUTGOING_CALL = "outgoing_call";
    static final List<String> CREATABLE = List.of(LEAD, OUTGOING_CALL);
    static final List<String> ALL = List.of(LEAD, OUTGOING_CALL, "incoming_email", "email_followup", "missed_call",
            "answered_detached_call", "voicemail", "opportunity_due", "incoming_sms");

    private TaskTypes() {
    }
}
