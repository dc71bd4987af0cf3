package io.leadline.core.search;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The names that open a sub-query in the text language ({@code call(...)}), and the activity kind each activity
 * sub-query reads from crm-core's {@code lead_activity}. Close's other sub-queries are known so they are a clear
 * 400 rather than free text followed by a parenthesis.
 */
final class SubQueries {

    /** Activity sub-queries of a lead query: the name → the kind stored in {@code lead_activity}. */
    static final Map<String, String> ACTIVITY_KINDS = Map.of(
            "call", "call",
            "email", "email",
            "sms", "sms",
            "note", "note",
            "meeting", "meeting",
            "whatsapp_message", "whatsapp_message");

    /** The opportunity query's sub-query. */
    static final String STATUS_CHANGE = "status_change";

    /** Close's sub-queries Leadline doesn't answer yet. */
    private static final Set<String> NOT_YET = Set.of("contact", "opportunity", "task", "sequence_subscription",
            "lead_status_change", "custom_activity", "address", "email_address", "phone_number");

    private SubQueries() {
    }

    static boolean isSubQuery(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return ACTIVITY_KINDS.containsKey(lower) || lower.equals(STATUS_CHANGE) || NOT_YET.contains(lower);
    }

    static void checkSupported(String lower, int position) {
        if (NOT_YET.contains(lower)) {
            throw LeadQueryParser.error(lower + "(...) sub-queries are not supported yet (position " + position
                    + "); supported: call, email, sms, note, meeting, whatsapp_message (leads) and status_change"
                    + " (opportunities).");
        }
    }
}
