package io.leadline.core.opportunity;

import io.leadline.core.custom.CustomFieldOwner;
import io.leadline.core.custom.CustomFieldNames;
import io.leadline.platform.read.FilterType;
import io.leadline.platform.read.ReadTable;

/**
 * How opportunities are read: the stored document, with the names of its status, pipeline, lead and contact joined
 * in at read time (so renames show at once) and {@code contact_id} from its column (deleting a contact clears it in
 * the database). Aliases: {@code o} opportunity, {@code os} its status, {@code op} pipeline, {@code ol} lead,
 * {@code oc} contact, {@code ocs} its comment summary ({@code commentsummary}, kept from comments-service's events).
 */
public final class OpportunityReads {

    /** Everything an opportunity's wire form joins but its lead (a lead's read embeds it with its own name). */
    private static final String FROM_BUT_LEAD = "opportunity o"
            + " left join opportunity_status os on os.id = o.status_id and os.organization_id = o.organization_id"
            + " left join pipeline op on op.id = os.pipeline_id and op.organization_id = o.organization_id"
            + " left join contact oc on oc.id = o.contact_id and oc.organization_id = o.organization_id"
            + " left join comment_summary ocs on ocs.object_id = o.id and ocs.organization_id = o.organization_id";

    static final String FROM = FROM_BUT_LEAD
            + " left join lead ol on ol.id = o.lead_id and ol.organization_id = o.organization_id";

    private static final String ANNUALIZED = "(case when o.value_period = 'monthly' then o.value * 12 else o.value end)";

    public static final ReadTable TABLE = wireForm(FROM, "ol.name")
            .filter("id", "o.id", FilterType.STRING)
            .filter("organization_id", "o.organization_id", FilterType.STRING)
            .filter("lead_id", "o.lead_id", FilterType.STRING)
            .filter("contact_id", "o.contact_id", FilterType.STRING)
            .userFilter("user_id", "o.user_id")
            .filter("status_id", "o.status_id", FilterType.STRING)
            .filter("status_type", "os.status_type", FilterType.STRING)
            .filter("status_label", "os.label", FilterType.STRING)
            .filter("status", "os.label", FilterType.STRING)
            .filter("pipeline_id", "os.pipeline_id", FilterType.STRING)
            .filter("value_period", "o.value_period", FilterType.STRING)
            .filter("confidence", "o.confidence::bigint", FilterType.INTEGER)
            .filter("value", "o.value", FilterType.INTEGER)
            .filter("date_won", "o.date_won", FilterType.DATE)
            .filter("date_lost", "o.date_lost", FilterType.DATE)
            .filter("date_created", "o.date_created", FilterType.DATETIME)
            .filter("date_updated", "o.date_updated", FilterType.DATETIME)
            .orderBy("date_won", "o.date_won")
            .orderBy("date_lost", "o.date_lost")
            .orderBy("date_updated", "o.date_updated")
            .orderBy("date_created", "o.date_created")
            .orderBy("confidence", "o.confidence")
            .orderBy("user_name", "o.user_name")
            .orderBy("value", "o.value")
            .orderBy("annualized_value", ANNUALIZED)
            .orderBy("annualized_expected_value", ANNUALIZED + " * o.confidence / 100")
            .defaultOrder("-date_created")
            .ownParameters("_group_by", "query", "lead_query", "lead_saved_search_id", "is_stalled")
            .maxLimit(100)
            .build();

    /**
     * The opportunities of the lead aliased {@code lead}, for its read statement: the lead's own name instead of a
     * join back to the lead row the statement already has (measured: the join was a tenth of a lead read's cost).
     */
    static ReadTable embeddedIn(String lead) {
        return wireForm(FROM_BUT_LEAD, lead + ".name").build();
    }

    /** The wire form: the stored document with what other rows decide composed over it. */
    private static ReadTable.Builder wireForm(String from, String leadName) {
        return ReadTable.builder()
                .from(from)
                .organizationColumn("o.organization_id")
                .customFieldsOfRow(CustomFieldNames.ofRow(CustomFieldOwner.OPPORTUNITY, "o.organization_id"))
                .idColumn("o.id")
                .document("o.doc")
                .composed("lead_name", leadName)
                .composed("contact_id", "o.contact_id")
                .composed("contact_name", "oc.name")
                .composed("status_label", "os.label")
                .composed("status_type", "os.status_type")
                .composed("status_display_name", "os.label")
                .composed("pipeline_id", "os.pipeline_id")
                .composed("pipeline_name", "op.name")
                .composed("comment_summary", "jsonb_build_object('comment_count', coalesce(ocs.comment_count, 0),"
                        + " 'thread_id', ocs.thread_id)");
    }

    private OpportunityReads() {
    }
}
