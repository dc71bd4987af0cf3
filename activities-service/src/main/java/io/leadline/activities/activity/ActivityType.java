package io.leadline.activities.activity;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Close's activity types (NOTES §6.2): the {@code _type} string, the path under {@code /activity/} and the event
 * object type. Every type is listed, also those this service does not store yet, so a {@code _type} filter naming
 * one of them is valid (and finds nothing) while a typo is a 400.
 */
public enum ActivityType {
    NOTE("Note", "activity.note"),
    CALL("Call", "activity.call"),
    EMAIL("Email", "activity.email"),
    EMAIL_THREAD("EmailThread", "activity.email_thread"),
    SMS("SMS", "activity.sms"),
    WHATSAPP_MESSAGE("WhatsAppMessage", "activity.whatsapp_message"),
    MEETING("Meeting", "activity.meeting"),
    CUSTOM_ACTIVITY("CustomActivity", "activity.custom_activity"),
    CREATED("Created", "activity.created"),
    FORM_SUBMISSION("FormSubmission", "activity.form_submission"),
    LEAD_STATUS_CHANGE("LeadStatusChange", "activity.lead_status_change"),
    OPPORTUNITY_STATUS_CHANGE("OpportunityStatusChange", "activity.opportunity_status_change"),
    LEAD_MERGE("LeadMerge", "activity.lead_merge"),
    TASK_COMPLETED("TaskCompleted", "activity.task_completed");

    /** The discriminator values of the stored types, as the entities' {@code @DiscriminatorValue} must spell them. */
    public static final String NOTE_NAME = "Note";
    public static final String CALL_NAME = "Call";
    public static final String EMAIL_NAME = "Email";
    public static final String EMAIL_THREAD_NAME = "EmailThread";
    public static final String SMS_NAME = "SMS";
    public static final String WHATSAPP_MESSAGE_NAME = "WhatsAppMessage";
    public static final String MEETING_NAME = "Meeting";
    public static final String FORM_SUBMISSION_NAME = "FormSubmission";
    public static final String CUSTOM_ACTIVITY_NAME = "CustomActivity";
    public static final String CREATED_NAME = "Created";
    public static final String LEAD_STATUS_CHANGE_NAME = "LeadStatusChange";
    public static final String OPPORTUNITY_STATUS_CHANGE_NAME = "OpportunityStatusChange";
    public static final String LEAD_MERGE_NAME = "LeadMerge";
    public static final String TASK_COMPLETED_NAME = "TaskCompleted";

    private final String wireName;
    private final String eventObjectType;

    ActivityType(String wireName, String eventObjectType) {
        this.wireName = wireName;
        this.eventObjectType = eventObjectType;
    }

    /** Close's {@code _type}, e.g. {@code LeadStatusChange}. */
    public String wireName() {
        return wireName;
    }

    /** The {@code object_type} of this type's events, e.g. {@code activity.lead_status_change}. */
    public String eventObjectType() {
        return eventObjectType;
    }

    public static Optional<ActivityType> byWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(ActivityType::wireName).toList();
    }
}
