package io.leadline.core.search;

import io.leadline.core.search.SearchFilter.And;
import io.leadline.core.search.SearchFilter.Compare;
import io.leadline.core.search.SearchFilter.Everything;
import io.leadline.core.search.SearchFilter.FieldMatch;
import io.leadline.core.search.SearchFilter.Not;
import io.leadline.core.search.SearchFilter.Or;
import io.leadline.core.search.SearchFilter.SubQuery;
import io.leadline.platform.wire.ValidationException;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The text language's activity terms, translated for {@link SearchSql} over crm-core's own projections of
 * activities-service's events ({@code lead_activity}, {@code opportunity_status_change}; never that service's
 * database): on a lead {@code call(...)}-style sub-queries, counts ({@code calls > 3}) and latest dates
 * ({@code last_called < "30 days ago"}); on an opportunity {@code status_change(...)}. Kinds, columns and value
 * lists come from this class; every value of the query is bound by {@code sql}.
 */
final class ActivitySql {

    /** Counts of a lead's activities: the field → the kind. */
    private static final Map<String, String> COUNTS = Map.ofEntries(
            Map.entry("calls", "call"), Map.entry("num_calls", "call"),
            Map.entry("email_messages", "email"), Map.entry("num_emails", "email"),
            Map.entry("sms_messages", "sms"), Map.entry("num_sms", "sms"),
            Map.entry("notes", "note"), Map.entry("num_notes", "note"),
            Map.entry("meetings", "meeting"), Map.entry("num_meetings", "meeting"),
            Map.entry("whatsapp_messages", "whatsapp_message"), Map.entry("num_whatsapp_messages", "whatsapp_message"));

    /** Latest dates: the field → the kinds it looks at. */
    private static final Map<String, List<String>> LATEST = Map.of(
            "last_called", List.of("call"),
            "last_emailed", List.of("email"),
            "last_texted", List.of("sms"),
            "last_sms", List.of("sms"),
            "last_communication", List.of("call", "email", "sms", "whatsapp_message"));

    /** A draft, a scheduled message or one that failed was no communication yet. */
    private static final String COMMUNICATED = "coalesce(a.status, '') not in ('draft', 'scheduled', 'error')";

    private static final Pattern DURATION = Pattern.compile("([0-9]{1,7})([smh]?)");

    private final SearchSql sql;
    /** The searched object's alias (a lead, or an opportunity for status_change). */
    private final String owner;

    ActivitySql(SearchSql sql, String owner) {
        this.sql = sql;
        this.owner = owner;
    }

    /** Whether {@code field} (lower case) is one of the lead's activity fields. */
    static boolean isField(String field) {
        return COUNTS.containsKey(field) || LATEST.containsKey(field);
    }

    /** {@code calls:3}, {@code last_called:today}. */
    String match(FieldMatch match, String field) {
        if (COUNTS.containsKey(field)) {
            return count(COUNTS.get(field)) + " = " + sql.bind(SearchSql.number(match.value(), match.position()));
        }
        return sql.dateMatch(latest(LATEST.get(field)), match.value(), match.position());
    }

    /** {@code calls > 3}, {@code last_emailed < "30 days ago"}. */
    String compare(Compare compare, String field) {
        if (COUNTS.containsKey(field)) {
            return count(COUNTS.get(field)) + " " + compare.operator().sql() + " "
                    + sql.bind(SearchSql.number(compare.value(), compare.position()));
        }
        return sql.dateCompare(latest(LATEST.get(field)), compare.operator(), compare.value(), compare.position());
    }

    /** {@code call(...)}, {@code email(...)}, ...: the lead has an activity of that kind meeting the clauses. */
    String leadSubQuery(SubQuery sub) {
        String kind = SubQueries.ACTIVITY_KINDS.get(sub.name());
        if (kind == null) {
            throw LeadQueryParser.error(sub.name() + "(...) applies to the opportunity query, not to leads (position "
                    + sub.position() + ").");
        }
        String inner = clauses(sub.inner(), term -> activityTerm(term, sub.name()));
        return "exists (select 1 from lead_activity a where a.organization_id = " + owner + ".organization_id"
                + " and a.lead_id = " + owner + ".id and a.kind = '" + kind + "' and (" + inner + "))";
    }

    /** {@code status_change(old_status:active new_status:won date:yesterday)} on an opportunity. */
    String opportunitySubQuery(SubQuery sub) {
        if (!sub.name().equals(SubQueries.STATUS_CHANGE)) {
            throw LeadQueryParser.error(sub.name() + "(...) is not supported in an opportunity query (position "
                    + sub.position() + "); use lead_query for the opportunities' leads.");
        }
        String inner = clauses(sub.inner(), this::statusChangeTerm);
        return "exists (select 1 from opportunity_status_change sc where sc.organization_id = " + owner
                + ".organization_id and sc.opportunity_id = " + owner + ".id and (" + inner + "))";
    }

    /** The boolean structure inside the parentheses, with {@code term} translating each leaf. */
    private String clauses(SearchFilter filter, Function<SearchFilter, String> term) {
        if (filter instanceof Everything) {
            return "true";
        }
        if (filter instanceof And and) {
            return and.parts().stream().map(part -> clauses(part, term)).collect(Collectors.joining(" and ", "(", ")"));
        }
        if (filter instanceof Or or) {
            return or.parts().stream().map(part -> clauses(part, term)).collect(Collectors.joining(" or ", "(", ")"));
        }
        if (filter instanceof Not not) {
            return "not coalesce(" + clauses(not.inner(), term) + ", false)";
        }
        return term.apply(filter);
    }

    private String activityTerm(SearchFilter filter, String name) {
        if (filter instanceof FieldMatch match) {
            String value = match.value();
            return switch (field(match.field())) {
                case "direction" -> direction(value, match.position());
                case "date", "activity_at" -> sql.dateMatch("a.activity_at", value, match.position());
                case "duration" -> "a.duration = " + sql.bind(duration(value, match.position()));
                case "user", "user_id" -> {
                    String user = sql.bind(value);
                    yield "(a.user_id = " + user + " or lower(a.user_name) = lower(" + user + "))";
                }
                case "status" -> "lower(a.status) = lower(" + sql.bind(value) + ")";
                default -> throw unknown(match.field(), match.position(), name,
                        "direction, date, duration, user, status");
            };
        }
        if (filter instanceof Compare compare) {
            return switch (field(compare.field())) {
                case "date", "activity_at" -> sql.dateCompare("a.activity_at", compare.operator(), compare.value(),
                        compare.position());
                case "duration" -> "a.duration " + compare.operator().sql() + " "
                        + sql.bind(duration(compare.value(), compare.position()));
                default -> throw unknown(compare.field(), compare.position(), name, "date, duration");
            };
        }
        throw notAField(filter, name);
    }

    private String statusChangeTerm(SearchFilter filter) {
        if (filter instanceof FieldMatch match) {
            String value = match.value();
            return switch (field(match.field())) {
                case "old_status" -> status("old", value);
                case "new_status" -> status("new", value);
                case "date" -> sql.dateMatch("sc.changed_at", value, match.position());
                default -> throw unknown(match.field(), match.position(), SubQueries.STATUS_CHANGE,
                        "old_status, new_status, date");
            };
        }
        if (filter instanceof Compare compare && field(compare.field()).equals("date")) {
            return sql.dateCompare("sc.changed_at", compare.operator(), compare.value(), compare.position());
        }
        if (filter instanceof Compare compare) {
            throw unknown(compare.field(), compare.position(), SubQueries.STATUS_CHANGE, "date");
        }
        throw notAField(filter, SubQueries.STATUS_CHANGE);
    }

    /** A status by its label (ignoring case) or its type ({@code active}, {@code won}, {@code lost}). */
    private String status(String which, String value) {
        String bound = sql.bind(value);
        return "(lower(sc." + which + "_status_label) = lower(" + bound + ") or sc." + which + "_status_type = lower("
                + bound + "))";
    }

    /** Calls say outbound/inbound, emails and SMS outgoing/incoming; either word (or sent/received) finds both. */
    private static String direction(String value, int position) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "outgoing", "outbound", "sent" -> "a.direction in ('outgoing', 'outbound')";
            case "incoming", "inbound", "received" -> "a.direction in ('incoming', 'inbound')";
            default -> throw LeadQueryParser.error("direction: takes outgoing (outbound, sent) or incoming (inbound,"
                    + " received), not \"" + value + "\" (position " + position + ").");
        };
    }

    /** Seconds, or with a unit: {@code 90}, {@code 90s}, {@code 5m}, {@code 1h}. */
    private static long duration(String value, int position) {
        Matcher matcher = DURATION.matcher(value.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw LeadQueryParser.error("\"" + value + "\" is no duration (seconds, or a number with s, m or h;"
                    + " position " + position + ").");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "m" -> amount * 60;
            case "h" -> amount * 3600;
            default -> amount;
        };
    }

    /** How many activities of {@code kind} the lead has. */
    private String count(String kind) {
        return "(select count(*) from lead_activity a where a.organization_id = " + owner + ".organization_id"
                + " and a.lead_id = " + owner + ".id and a.kind = '" + kind + "')";
    }

    /** When the lead's latest communication of {@code kinds} happened (null: never). */
    private String latest(List<String> kinds) {
        String in = kinds.stream().map(kind -> "'" + kind + "'").collect(Collectors.joining(", "));
        return "(select max(a.activity_at) from lead_activity a where a.organization_id = " + owner
                + ".organization_id and a.lead_id = " + owner + ".id and a.kind in (" + in + ") and " + COMMUNICATED
                + ")";
    }

    private static ValidationException unknown(String field, int position, String name, String fields) {
        if (field.equalsIgnoreCase("sort") || field.equalsIgnoreCase("slice")) {
            return LeadQueryParser.error(field + ": can't stand inside " + name + "(...) (position " + position + ").");
        }
        return LeadQueryParser.error("Unknown field \"" + field + "\" of " + name + "(...) at position " + position
                + "; it knows " + fields + ".");
    }

    private static ValidationException notAField(SearchFilter filter, String name) {
        String where = "";
        if (filter instanceof SearchFilter.Text text) {
            where = " (position " + text.position() + ")";
        } else if (filter instanceof SearchFilter.Has has) {
            where = " (position " + has.position() + ")";
        }
        return LeadQueryParser.error("Only field clauses can stand inside " + name + "(...)" + where
                + "; free text, has: and custom fields can't.");
    }

    private static String field(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
