package io.leadline.activities.activity;

import io.leadline.platform.read.FilterType;
import io.leadline.platform.read.JsonPage;
import io.leadline.platform.read.JsonReads;
import io.leadline.platform.read.ListQuery;
import io.leadline.platform.read.ReadTable;
import io.leadline.platform.read.SqlCondition;
import io.leadline.platform.read.SqlParameters;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.FieldErrors;
import io.leadline.platform.wire.FieldSelection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The read path of activities (docs/architecture.md §3): the union list {@code /activity/} and each type's own list
 * and single GET, every one a single statement over the table {@code activity}, with Close's rules on which list
 * parameters go together (NOTES §6.3) checked first.
 */
@ApplicationScoped
public class ActivityReads {

    /** Every type together: the union list. */
    static final ReadTable ALL = table("activity a");
    /** Every type with {@code thread_emails=true}: threads beside their emails, whose bodies are left out. */
    static final ReadTable ALL_THREADED = builder("activity a")
            .document("(case when a.activity_type = '" + ActivityType.EMAIL_NAME + "'"
                    + " then a.doc - 'body_text' - 'body_html' else a.doc end)")
            .build();

    private static final List<String> LEAD_ONLY = List.of("user_id", "user_id__in", "contact_id", "contact_id__in",
            "_type", "_type__in");
    /** Close's custom activity type ids, which {@code _type} accepts besides the type names. */
    private static final String CUSTOM_ACTIVITY_TYPE_PREFIX = "actitype_";
    /** {@code /activity/custom/}'s filters by type, which Close allows only within a single lead. */
    private static final List<String> CUSTOM_TYPE_FILTERS = List.of("custom_activity_type_id",
            "custom_activity_type_id__in");
    private static final List<String> DATE_FIELDS = List.of("date_created", "activity_at");
    private static final List<String> DATE_OPERATORS = List.of("__gt", "__gte", "__lt", "__lte", "");

    @Inject
    JsonReads reads;

    /**
     * The table of one type: the rows of {@code activity} of that {@code _type} (PostgreSQL inlines the subquery, so
     * the statement still uses the table's indexes); a GET of another type's id is a 404.
     */
    public static ReadTable tableOf(ActivityType type) {
        return builderOf(type).build();
    }

    /** {@link #tableOf}, to add a type's own filters (expressions over the alias {@code a}) before building it. */
    public static ReadTable.Builder builderOf(ActivityType type) {
        return builder("(select * from activity where activity_type = '" + type.wireName() + "') a");
    }

    private static ReadTable table(String from) {
        return builder(from).build();
    }

    private static ReadTable.Builder builder(String from) {
        return ReadTable.builder()
                .from(from)
                .organizationColumn("a.organization_id")
                .idColumn("a.id")
                .document("a.doc")
                .filter("id", "a.id", FilterType.STRING)
                .filter("lead_id", "a.lead_id", FilterType.STRING)
                .filter("contact_id", "a.contact_id", FilterType.STRING)
                .userFilter("user_id", "a.user_id")
                .filter("organization_id", "a.organization_id", FilterType.STRING)
                .filter("date_created", "a.date_created", FilterType.DATETIME)
                .filter("activity_at", "a.activity_at", FilterType.DATETIME)
                .orderBy("date_created", "a.date_created")
                .orderBy("activity_at", "a.activity_at")
                .defaultOrder("-date_created")
                .ownParameters("_type", "_type__in", "thread_emails")
                .maxLimit(100);
    }

    /** One activity of {@code type}; 404 when the organization has none with this id. */
    public Uni<String> one(Caller caller, ReadTable table, String id, String fields) {
        return reads.one(table, caller.organizationId(), id, FieldSelection.parse(fields));
    }

    /** The union list {@code GET /activity/}. */
    public Uni<String> union(Caller caller, MultivaluedMap<String, String> params) {
        FieldErrors errors = new FieldErrors();
        boolean singleLead = singleLead(params);
        if (!singleLead) {
            LEAD_ONLY.stream().filter(params::containsKey).forEach(name -> errors.add(name,
                    "Can only be used when listing the activities of a single lead (lead_id)."));
        }
        checkOrderAndDates(params, singleLead, errors);
        RequestedTypes types = requestedTypes(params, errors);
        String threads = params.getFirst("thread_emails");
        if (threads != null && !List.of("true", "only", "false").contains(threads)) {
            errors.add("thread_emails", "Must be true or only.");
        }
        errors.throwIfAny();
        ReadTable table = "true".equals(threads) ? ALL_THREADED : ALL;
        ListQuery query = ListQuery.parse(params, table);
        return reads.page(table, caller.organizationId(), query, typeCondition(threads, types))
                .map(JsonPage::envelope);
    }

    /**
     * Close's {@code thread_emails} (NOTES §6.3): absent, one Email per message and no threads (unless {@code _type}
     * names EmailThread); {@code true}, threads beside their (stripped) emails; {@code only}, threads alone.
     */
    private static SqlCondition typeCondition(String threads, RequestedTypes types) {
        if ("only".equals(threads)) {
            List<String> only = types == null || types.names().contains(ActivityType.EMAIL_THREAD_NAME)
                    ? List.of(ActivityType.EMAIL_THREAD_NAME) : List.of();
            return parameters -> " and a.activity_type = any(" + parameters.bind(only) + ")";
        }
        if (types != null) {
            return types::condition;
        }
        return "true".equals(threads) ? SqlCondition.NONE
                : parameters -> " and a.activity_type <> " + parameters.bind(ActivityType.EMAIL_THREAD_NAME);
    }

    /** The list of one type, e.g. {@code GET /activity/note/?lead_id=…}. */
    public Uni<String> list(Caller caller, ActivityType type, ReadTable table, MultivaluedMap<String, String> params) {
        FieldErrors errors = new FieldErrors();
        boolean singleLead = singleLead(params);
        checkOrderAndDates(params, singleLead, errors);
        if (type == ActivityType.CUSTOM_ACTIVITY && !singleLead) {
            CUSTOM_TYPE_FILTERS.stream().filter(params::containsKey).forEach(name -> errors.add(name,
                    "Can only be used when listing the custom activities of a single lead (lead_id)."));
        }
        for (String name : List.of("_type", "_type__in")) {
            String value = params.getFirst(name);
            if (value != null && !value.equals(type.wireName())) {
                errors.add(name, "This list only holds " + type.wireName() + " activities.");
            }
        }
        if (params.containsKey("thread_emails")) {
            errors.add("thread_emails", "Unknown parameter.");
        }
        errors.throwIfAny();
        ListQuery query = ListQuery.parse(params, table);
        return reads.page(table, caller.organizationId(), query, SqlCondition.NONE).map(JsonPage::envelope);
    }

    /** One lead: {@code lead_id}, or {@code lead_id__in} naming exactly one. */
    private static boolean singleLead(MultivaluedMap<String, String> params) {
        String leadIds = params.getFirst("lead_id__in");
        return params.getFirst("lead_id") != null
                || (leadIds != null && !leadIds.isBlank() && !leadIds.contains(","));
    }

    /**
     * Close's rules (NOTES §6.3): one sort field, {@code date_created} (the default) or {@code activity_at}, the
     * latter only within a single lead; and range filters only on the field the list is sorted by.
     */
    private static void checkOrderAndDates(MultivaluedMap<String, String> params, boolean singleLead,
                                           FieldErrors errors) {
        String orderBy = params.getFirst("_order_by");
        String sortField = "date_created";
        if (orderBy != null && !orderBy.isBlank()) {
            String field = orderBy.trim().startsWith("-") ? orderBy.trim().substring(1) : orderBy.trim();
            if (!DATE_FIELDS.contains(field)) {
                errors.add("_order_by", "Activities can be sorted by date_created or activity_at only"
                        + " (with - for descending).");
                return;
            }
            if (field.equals("activity_at") && !singleLead) {
                errors.add("_order_by", "Sorting by activity_at is only allowed when listing the activities of a"
                        + " single lead (lead_id).");
                return;
            }
            sortField = field;
        }
        for (String field : DATE_FIELDS) {
            if (field.equals(sortField)) {
                continue;
            }
            for (String operator : DATE_OPERATORS) {
                String name = field + operator;
                if (params.containsKey(name)) {
                    errors.add(name, "Date filters are only allowed on the field the list is sorted by ("
                            + sortField + "); add _order_by=-" + field + " to filter by " + field + ".");
                }
            }
        }
    }

    /**
     * What {@code _type}/{@code _type__in} ask for: whole types by their stored names ({@code Custom} is every
     * custom activity), and custom activities of the named custom activity types ({@code actitype_…}).
     */
    record RequestedTypes(List<String> names, List<String> customActivityTypeIds) {

        String condition(SqlParameters parameters) {
            String ofTypes = "a.activity_type = any(" + parameters.bind(names) + ")";
            if (customActivityTypeIds.isEmpty()) {
                return " and " + ofTypes;
            }
            return " and (" + ofTypes + " or (a.activity_type = "
                    + parameters.bind(ActivityType.CUSTOM_ACTIVITY.wireName())
                    + " and a.custom_activity_type_id = any(" + parameters.bind(customActivityTypeIds) + ")))";
        }
    }

    /** The {@code _type}/{@code _type__in} values; null when neither is given. */
    private static RequestedTypes requestedTypes(MultivaluedMap<String, String> params, FieldErrors errors) {
        List<String> requested = new ArrayList<>();
        List<String> customActivityTypeIds = new ArrayList<>();
        for (String name : List.of("_type", "_type__in")) {
            String value = params.getFirst(name);
            if (value == null) {
                continue;
            }
            for (String item : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()) {
                if (item.equals("Custom")) {
                    requested.add(ActivityType.CUSTOM_ACTIVITY.wireName());
                } else if (item.startsWith(CUSTOM_ACTIVITY_TYPE_PREFIX)) {
                    // an unknown or another organization's type id matches nothing, as an unknown lead_id does
                    customActivityTypeIds.add(item);
                } else if (ActivityType.byWireName(item).isPresent()) {
                    requested.add(item);
                } else {
                    errors.add(name, "\"" + item + "\" is not an activity type. Choose from: "
                            + String.join(", ", ActivityType.wireNames()) + ", Custom or a custom activity type id.");
                    return null;
                }
            }
        }
        return params.containsKey("_type") || params.containsKey("_type__in")
                ? new RequestedTypes(requested, customActivityTypeIds) : null;
    }
}
