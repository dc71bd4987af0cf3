package io.leadline.core.task;

import io.leadline.platform.read.FilterType;
import io.leadline.platform.read.ReadTable;

/**
 * How tasks are read: the stored document with {@code lead_name} joined in (a renamed lead shows at once) and
 * {@code contact_id} from its column (deleting a contact clears it in the database). Aliases: {@code t} the task,
 * {@code tl} its lead.
 */
public final class TaskReads {

    public static final ReadTable TABLE = wireForm(
            "task t left join lead tl on tl.id = t.lead_id and tl.organization_id = t.organization_id", "tl.name")
            .filter("id", "t.id", FilterType.STRING)
            .filter("organization_id", "t.organization_id", FilterType.STRING)
            .filter("lead_id", "t.lead_id", FilterType.STRING)
            .filter("assigned_to", "t.assigned_to", FilterType.STRING)
            .filter("is_complete", "t.is_complete", FilterType.BOOLEAN)
            // A date-only task counts from the start of its day (UTC), so date__lt=2024-05-02 includes 2024-05-01.
            .filter("date", "t.date_effective", FilterType.DATETIME)
            .filter("due_date", "t.date_effective", FilterType.DATETIME)
            .filter("date_created", "t.date_created", FilterType.DATETIME)
            .filter("date_updated", "t.date_updated", FilterType.DATETIME)
            .orderBy("date", "t.date_sort")
            .orderBy("date_created", "t.date_created")
            .defaultOrder("date")
            .ownParameters(TaskScope.OWN_PARAMETERS)
            .maxLimit(100)
            .build();

    /** The tasks of the lead aliased {@code lead}, for its read statement: its own name, no join back to it. */
    static ReadTable embeddedIn(String lead) {
        return wireForm("task t", lead + ".name").build();
    }

    private static ReadTable.Builder wireForm(String from, String leadName) {
        return ReadTable.builder()
                .from(from)
                .organizationColumn("t.organization_id")
                .idColumn("t.id")
                .document("t.doc")
                .composed("lead_name", leadName)
                .composed("contact_id", "t.contact_id");
    }

    private TaskReads() {
    }
}
