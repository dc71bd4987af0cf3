package io.leadline.core.search;

import io.leadline.core.search.LeadFilter.And;
import io.leadline.core.search.LeadFilter.Compare;
import io.leadline.core.search.LeadFilter.Everything;
import io.leadline.core.search.LeadFilter.FieldMatch;
import io.leadline.core.search.LeadFilter.Has;
import io.leadline.core.search.LeadFilter.Not;
import io.leadline.core.search.LeadFilter.Operator;
import io.leadline.core.search.LeadFilter.Or;
import io.leadline.core.search.LeadFilter.Text;
import io.leadline.platform.read.SqlCondition;
import io.leadline.platform.read.SqlParameters;
import io.leadline.platform.wire.CloseDateTimes;
import io.leadline.platform.wire.ValidationException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A lead query's filter as SQL over the lead table's alias (the read path adds the organization scope). Field names
 * and SQL are constants of this class; every value of the query is a bound parameter. The translation runs once
 * when the condition is made, so an unknown field or a bad value is a 400 before any statement is built.
 */
public final class LeadQuerySql {

    private static final String CUSTOM_PREFIX = "custom.";
    /** How custom.cf_… keys are written (io.leadline.core.custom.CustomValues). */
    private static final Pattern CUSTOM_FIELD_ID = Pattern.compile("cf_[A-Za-z0-9]+");

    private final String lead;
    private final ZoneOffset callerOffset;
    private final SqlParameters parameters;

    private LeadQuerySql(String leadAlias, ZoneOffset callerOffset, SqlParameters parameters) {
        this.lead = leadAlias;
        this.callerOffset = callerOffset;
        this.parameters = parameters;
    }

    /**
     * The filter and slice of {@code query} as a condition ({@code " and (...)"}) over {@code leadAlias};
     * {@code callerOffset} is the caller's clock (X-TZ-Offset) for {@code today} and {@code yesterday}.
     */
    public static SqlCondition condition(LeadQuery query, String leadAlias, ZoneOffset callerOffset) {
        // Translated once now to report errors, and again per statement with that statement's parameters.
        new LeadQuerySql(leadAlias, callerOffset, new SqlParameters()).translate(query);
        return parameters -> " and " + new LeadQuerySql(leadAlias, callerOffset, parameters).translate(query);
    }

    /** The {@code _order_by} a {@code sort:} stands for, e.g. {@code -date_updated}. */
    public static Optional<String> orderBy(LeadQuery query) {
        return query.sort().map(sort -> {
            String field = switch (sort.field().toLowerCase(Locale.ROOT)) {
                case "created", "date_created" -> "date_created";
                case "updated", "date_updated" -> "date_updated";
                case "name" -> "name";
                default -> throw LeadQueryParser.error("sort: by \"" + sort.field() + "\" is not supported (position "
                        + sort.position() + "); choose created, updated, date_created, date_updated or name.");
            };
            return (sort.descending() ? "-" : "") + field;
        });
    }

    private String translate(LeadQuery query) {
        String filter = sql(query.filter());
        if (query.slice().isEmpty()) {
            return filter;
        }
        LeadQuery.Slice slice = query.slice().get();
        // hashtext is stable for a text; as bigint its absolute value can't overflow
        return "(" + filter + " and mod(abs(hashtext(" + lead + ".id)::bigint), " + bind((long) slice.parts()) + ") = "
                + bind((long) slice.part() - 1) + ")";
    }

    private String sql(LeadFilter filter) {
        if (filter instanceof Everything) {
            return "true";
        }
        if (filter instanceof And and) {
            return and.parts().stream().map(this::sql).collect(Collectors.joining(" and ", "(", ")"));
        }
        if (filter instanceof Or or) {
            return or.parts().stream().map(this::sql).collect(Collectors.joining(" or ", "(", ")"));
        }
        if (filter instanceof Not not) {
            // a null (e.g. no description) is "does not match", so its negation matches
            return "not coalesce(" + sql(not.inner()) + ", false)";
        }
        if (filter instanceof Text text) {
            return text(text.text());
        }
        if (filter instanceof FieldMatch match) {
            return match(match);
        }
        if (filter instanceof Compare compare) {
            return compare(compare);
        }
        return has((Has) filter);
    }

    /** Free text: a substring of the lead's name or url, or of a contact's name, emails, phones or urls. */
    private String text(String text) {
        String pattern = contains(text);
        return "(coalesce(" + lead + ".name, '') ilike " + pattern + " or coalesce(" + lead + ".url, '') ilike "
                + pattern + " or " + contact("coalesce(c.name, '') ilike " + pattern
                + " or " + item("c.emails", "email", "ilike " + pattern)
                + " or " + item("c.phones", "phone", "ilike " + pattern)
                + " or " + item("c.urls", "url", "ilike " + pattern)) + ")";
    }

    private String match(FieldMatch match) {
        String value = match.value();
        if (match.field().startsWith(CUSTOM_PREFIX)) {
            return custom(match);
        }
        return switch (field(match.field())) {
            case "name", "company" -> "coalesce(" + lead + ".name, '') ilike " + contains(value);
            case "description" -> "coalesce(" + lead + ".description, '') ilike " + contains(value);
            case "id", "lead_id" -> lead + ".id = " + bind(value);
            case "status", "lead_status" -> "exists (select 1 from lead_status ls where ls.id = " + lead
                    + ".status_id and lower(ls.label) = lower(" + bind(value) + "))";
            case "email", "email_address" -> contact(item("c.emails", "email", "ilike " + contains(value)));
            case "phone", "phone_number" -> phone(value);
            case "url" -> {
                String pattern = contains(value);
                yield "(coalesce(" + lead + ".url, '') ilike " + pattern + " or "
                        + contact(item("c.urls", "url", "ilike " + pattern)) + ")";
            }
            case "created_by" -> user("created_by", value);
            case "updated_by" -> user("updated_by", value);
            case "user" -> "(" + user("created_by", value) + " or " + user("updated_by", value) + ")";
            case "date_created", "date_updated" -> dateMatch(match.field(), value, match.position());
            case "contacts", "opportunities", "tasks" ->
                    count(match.field()) + " = " + bind(number(value, match.position()));
            default -> throw match.field().contains(" ")
                    ? LeadQueryParser.error("Custom fields are searched by id, e.g. custom.cf_…:value; \""
                            + match.field() + "\" at position " + match.position() + " is no field id.")
                    : unknownField(match.field(), match.position());
        };
    }

    private String compare(Compare compare) {
        String field = field(compare.field());
        Operator operator = compare.operator();
        return switch (field) {
            case "date_created", "date_updated" -> dateCompare(field, operator, compare.value(), compare.position());
            case "contacts", "opportunities", "tasks" ->
                    count(field) + " " + operator.sql() + " " + bind(number(compare.value(), compare.position()));
            default -> {
                if (isKnown(field)) {
                    throw LeadQueryParser.error("\"" + compare.field() + "\" can't be compared with "
                            + operator.sql() + " (position " + compare.position() + ").");
                }
                throw unknownField(compare.field(), compare.position());
            }
        };
    }

    /**
     * {@code custom.cf_…:value}: a case-insensitive substring of the stored value, or of any item of a list value.
     * The field id is bound too (a jsonb key), and must look like one.
     */
    private String custom(FieldMatch match) {
        String fieldId = match.field().substring(CUSTOM_PREFIX.length());
        if (!CUSTOM_FIELD_ID.matcher(fieldId).matches()) {
            throw unknownField(match.field(), match.position());
        }
        String value = lead + ".custom -> " + bind(fieldId) + "::text";
        return "exists (select 1 from jsonb_array_elements_text(case jsonb_typeof(" + value + ") when 'array' then "
                + value + " else jsonb_build_array(" + value + ") end) v where v ilike " + contains(match.value()) + ")";
    }

    private String has(Has has) {
        return switch (has.kind().toLowerCase(Locale.ROOT)) {
            case "contacts" -> contact("true");
            case "emails", "email" -> contact(item("c.emails", "email", "is not null"));
            case "phones", "phone" -> contact(item("c.phones", "phone", "is not null"));
            case "opportunities" -> "exists (select 1 from opportunity o where o.organization_id = " + lead
                    + ".organization_id and o.lead_id = " + lead + ".id)";
            case "tasks" -> "exists (select 1 from task t where t.organization_id = " + lead
                    + ".organization_id and t.lead_id = " + lead + ".id)";
            default -> throw LeadQueryParser.error("has:" + has.kind() + " is not supported (position "
                    + has.position() + "); choose contacts, emails, phones, opportunities or tasks.");
        };
    }

    private String dateMatch(String field, String value, int position) {
        String column = lead + "." + field;
        Optional<Day> day = day(value);
        if (day.isPresent()) {
            return "(" + column + " >= " + bind(day.get().start()) + " and " + column + " < " + bind(day.get().end())
                    + ")";
        }
        return column + " = " + bind(instant(value, position));
    }

    /** A day compares by its bounds (so {@code > 2024-05-01} starts on May 2nd), a datetime exactly. */
    private String dateCompare(String field, Operator operator, String value, int position) {
        String column = lead + "." + field;
        Optional<Day> day = day(value);
        if (day.isEmpty()) {
            return column + " " + operator.sql() + " " + bind(instant(value, position));
        }
        return switch (operator) {
            case GT -> column + " >= " + bind(day.get().end());
            case GTE -> column + " >= " + bind(day.get().start());
            case LT -> column + " < " + bind(day.get().start());
            case LTE -> column + " < " + bind(day.get().end());
        };
    }

    /**
     * A calendar day: {@code today}/{@code yesterday} on the caller's clock (X-TZ-Offset), or {@code YYYY-MM-DD} as
     * a UTC day (the zone Close's datetimes are written in).
     */
    private Optional<Day> day(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.equals("today")) {
            return Optional.of(new Day(LocalDate.now(callerOffset), callerOffset));
        }
        if (lower.equals("yesterday")) {
            return Optional.of(new Day(LocalDate.now(callerOffset).minusDays(1), callerOffset));
        }
        return CloseDateTimes.parseDate(value).map(date -> new Day(date, ZoneOffset.UTC));
    }

    /** A calendar day in a zone: from its midnight to the next. */
    private record Day(LocalDate date, ZoneOffset zone) {
        Instant start() {
            return date.atStartOfDay(zone).toInstant();
        }

        Instant end() {
            return date.plusDays(1).atStartOfDay(zone).toInstant();
        }
    }

    private static Instant instant(String value, int position) {
        return CloseDateTimes.parseInstant(value).orElseThrow(() -> LeadQueryParser.error(
                "\"" + value + "\" is no date or datetime with a year from 1 to 9999 (position " + position + ")."));
    }

    private static long number(String value, int position) {
        if (value.matches("[0-9]{1,9}")) {
            return Long.parseLong(value);
        }
        throw LeadQueryParser.error("\"" + value + "\" is no whole number (position " + position + ").");
    }

    private String count(String child) {
        String table = switch (child) {
            case "contacts" -> "contact";
            case "opportunities" -> "opportunity";
            default -> "task";
        };
        return "(select count(*) from " + table + " x where x.organization_id = " + lead + ".organization_id and x.lead_id = "
                + lead + ".id)";
    }

    private String phone(String value) {
        String digits = value.replaceAll("[^0-9]", "");
        if (digits.isEmpty()) {
            return contact(item("c.phones", "phone", "ilike " + contains(value)));
        }
        // stored numbers are E.164 (+16505551234); the query may be written any way ((650) 555-1234)
        return contact("exists (select 1 from jsonb_array_elements(coalesce(c.phones -> 'items', '[]'::jsonb)) i"
                + " where regexp_replace(i ->> 'phone', '[^0-9]', '', 'g') like " + contains(digits) + ")");
    }

    private String user(String column, String value) {
        String bound = bind(value);
        return "(" + lead + "." + column + " = " + bound + " or lower(" + lead + "." + column + "_name) = lower("
                + bound + "))";
    }

    /** Whether one of the lead's contacts meets {@code condition} (over alias {@code c}). */
    private String contact(String condition) {
        return "exists (select 1 from contact c where c.organization_id = " + lead + ".organization_id and c.lead_id = "
                + lead + ".id and (" + condition + "))";
    }

    /** Whether one item of a contact's {@code {"items": [...]}} list has {@code key} meeting {@code test}. */
    private static String item(String column, String key, String test) {
        return "exists (select 1 from jsonb_array_elements(coalesce(" + column + " -> 'items', '[]'::jsonb)) i"
                + " where i ->> '" + key + "' " + test + ")";
    }

    /** An ILIKE pattern for "contains", with the value's own {@code %}, {@code _} and {@code \} taken literally. */
    private String contains(String value) {
        String escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return bind("%" + escaped + "%");
    }

    private String bind(Object value) {
        return parameters.bind(value);
    }

    private static String field(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static boolean isKnown(String field) {
        return switch (field) {
            case "name", "company", "description", "id", "lead_id", "status", "lead_status", "email",
                 "email_address", "phone", "phone_number", "url", "created_by", "updated_by", "user" -> true;
            default -> false;
        };
    }

    private static ValidationException unknownField(String field, int position) {
        return LeadQueryParser.error("Unknown field \"" + field + "\" at position " + position + ".");
    }
}
