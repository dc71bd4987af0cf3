package io.leadline.core.search;

import io.leadline.core.search.SearchFields.Kind;
import io.leadline.core.search.SearchFields.ObjectKind;
import io.leadline.core.search.SearchFilter.And;
import io.leadline.core.search.SearchFilter.BooleanCondition;
import io.leadline.core.search.SearchFilter.Compare;
import io.leadline.core.search.SearchFilter.Condition;
import io.leadline.core.search.SearchFilter.CustomField;
import io.leadline.core.search.SearchFilter.CustomFieldNamed;
import io.leadline.core.search.SearchFilter.Everything;
import io.leadline.core.search.SearchFilter.Exists;
import io.leadline.core.search.SearchFilter.FieldCondition;
import io.leadline.core.search.SearchFilter.FieldMatch;
import io.leadline.core.search.SearchFilter.Has;
import io.leadline.core.search.SearchFilter.HasRelated;
import io.leadline.core.search.SearchFilter.Id;
import io.leadline.core.search.SearchFilter.MomentRange;
import io.leadline.core.search.SearchFilter.Not;
import io.leadline.core.search.SearchFilter.NumberRange;
import io.leadline.core.search.SearchFilter.ObjectType;
import io.leadline.core.search.SearchFilter.Operator;
import io.leadline.core.search.SearchFilter.Or;
import io.leadline.core.search.SearchFilter.RegularField;
import io.leadline.core.search.SearchFilter.Term;
import io.leadline.core.search.SearchFilter.Text;
import io.leadline.core.search.SearchFilter.TextCondition;
import io.leadline.platform.read.SqlCondition;
import io.leadline.platform.read.SqlParameters;
import io.leadline.platform.wire.CloseDateTimes;
import io.leadline.platform.wire.ValidationException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one SQL translation of a {@link SearchFilter}, for the lead query language and for structured queries alike:
 * a condition over the searched object's alias (the read path adds the organization scope; every subquery on
 * another table matches that row's {@code organization_id} to the object's). Table, column and field names come
 * from this class and {@link SearchFields} only; every value of a query, field ids included, is a bound parameter.
 * The translation runs once when the condition is made, so an unknown field or a bad value is a 400 before any
 * statement is built.
 */
public final class SearchSql {

    private static final String CUSTOM_PREFIX = "custom.";
    /** How custom.cf_… keys are written (io.leadline.core.custom.CustomValues). */
    private static final Pattern CUSTOM_FIELD_ID = Pattern.compile("cf_[A-Za-z0-9]+");

    private final ObjectKind kind;
    /** The searched object's alias; for the text language, always a lead. */
    private final String lead;
    private final int depth;
    private final ZoneOffset callerOffset;
    /** The caller's organization when known, so text searches of contacts can run once, uncorrelated. */
    private final String organizationId;
    private final SqlParameters parameters;

    private SearchSql(ObjectKind kind, String alias, int depth, ZoneOffset callerOffset, String organizationId,
                      SqlParameters parameters) {
        this.kind = kind;
        this.lead = alias;
        this.depth = depth;
        this.callerOffset = callerOffset;
        this.organizationId = organizationId;
        this.parameters = parameters;
    }

    /**
     * The filter and slice of {@code query} as a condition ({@code " and (...)"}) over {@code leadAlias};
     * {@code callerOffset} is the caller's clock (X-TZ-Offset) for relative dates.
     */
    public static SqlCondition condition(LeadQuery query, String leadAlias, ZoneOffset callerOffset) {
        return condition(query, leadAlias, callerOffset, null);
    }

    /**
     * The same, knowing the organization the read path scopes to: a contact's text is then searched once for the
     * whole organization (its trigram indexes) instead of once per lead.
     */
    public static SqlCondition condition(LeadQuery query, String leadAlias, ZoneOffset callerOffset,
                                         String organizationId) {
        ObjectKind lead = SearchFields.kind("lead", "query");
        // Translated once now to report errors, and again per statement with that statement's parameters.
        new SearchSql(lead, leadAlias, 0, callerOffset, organizationId, new SqlParameters()).translate(query);
        return parameters -> " and "
                + new SearchSql(lead, leadAlias, 0, callerOffset, organizationId, parameters).translate(query);
    }

    /** {@code filter} over objects of {@code objectType} under {@code alias}, as {@code " and (...)"}. */
    public static SqlCondition condition(SearchFilter filter, String objectType, String alias, ZoneOffset callerOffset) {
        return condition(filter, objectType, alias, callerOffset, null);
    }

    /** The same, knowing the organization the read path scopes to (see the lead query's overload). */
    public static SqlCondition condition(SearchFilter filter, String objectType, String alias, ZoneOffset callerOffset,
                                         String organizationId) {
        ObjectKind kind = SearchFields.kind(objectType, "query");
        new SearchSql(kind, alias, 0, callerOffset, organizationId, new SqlParameters()).sql(filter);
        return parameters -> " and "
                + new SearchSql(kind, alias, 0, callerOffset, organizationId, parameters).sql(filter);
    }

    /**
     * Objects of {@code objectType} (alias {@code alias}) whose lead matches {@code leadFilter}: the opportunity
     * list's {@code lead_query} and {@code lead_saved_search_id}.
     */
    public static SqlCondition leadOf(SearchFilter leadFilter, String objectType, String alias, ZoneOffset callerOffset,
                                      String organizationId) {
        return condition(new HasRelated(objectType, "lead", leadFilter, "query"), objectType, alias, callerOffset,
                organizationId);
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

    private String sql(SearchFilter filter) {
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
            return words(text.text(), text.phrase()).stream().map(this::text)
                    .collect(Collectors.joining(" and ", "(", ")"));
        }
        if (filter instanceof ObjectType type) {
            return type.type().equals(kind.type()) ? "true" : "false";
        }
        if (filter instanceof Id id) {
            return lead + ".id = " + bind(id.id());
        }
        if (filter instanceof FieldCondition condition) {
            return fieldCondition(condition);
        }
        if (filter instanceof HasRelated related) {
            return related(related);
        }
        // the rest is the text language's, which only searches leads
        if (!kind.type().equals("lead")) {
            throw new IllegalStateException("a lead query term on " + kind.type());
        }
        if (filter instanceof FieldMatch match) {
            return match(match);
        }
        if (filter instanceof Compare compare) {
            return compare(compare);
        }
        return has((Has) filter);
    }

    /** A phrase is one text; otherwise each word must occur (at least one "word" even for blank text). */
    private static List<String> words(String text, boolean phrase) {
        List<String> words = phrase ? List.of(text)
                : Arrays.stream(text.trim().split("\\s+")).filter(word -> !word.isEmpty()).toList();
        return words.isEmpty() ? List.of(text) : words;
    }

    /** Free text on the searched object: see the README's "Structured search" for what each type matches. */
    private String text(String text) {
        String pattern = contains(text);
        return switch (kind.type()) {
            case "lead" -> leadText(pattern);
            case "contact" -> contactText(lead, pattern);
            case "opportunity" -> "coalesce(" + lead + ".note, '') ilike " + pattern;
            default -> "coalesce(" + lead + ".text, '') ilike " + pattern;
        };
    }

    /** The structured {@code field_condition}: the field from {@link SearchFields}, the condition as its kind allows. */
    private String fieldCondition(FieldCondition condition) {
        String path = condition.path();
        if (condition.field() instanceof RegularField regular) {
            if (!regular.objectType().equals(kind.type())) {
                throw StructuredQueryParser.error(path + ".field.object_type", "A regular field must belong to the"
                        + " searched object type \"" + kind.type() + "\", not \"" + regular.objectType() + "\".");
            }
            SearchFields.Spec spec = SearchFields.field(kind, regular.name()).orElseThrow(() ->
                    StructuredQueryParser.error(path + ".field.field_name", "Unknown field \"" + regular.name()
                            + "\" of " + kind.type() + "; searchable: "
                            + String.join(", ", new java.util.TreeSet<>(kind.fields().keySet())) + "."));
            return regular(spec, condition.condition(), path + ".condition");
        }
        if (!kind.hasCustom()) {
            throw StructuredQueryParser.error(path + ".field", kind.type() + " objects have no custom fields.");
        }
        if (condition.field() instanceof CustomField custom) {
            if (!CUSTOM_FIELD_ID.matcher(custom.id()).matches()) {
                throw StructuredQueryParser.error(path + ".field.custom_field_id", "Not a custom field id.");
            }
            return custom(bind(custom.id()) + "::text", condition.condition(), path + ".condition");
        }
        // by name: the definition is looked up in the same statement (names are unique per owner, ignoring case)
        String name = ((CustomFieldNamed) condition.field()).name();
        return "exists (select 1 from custom_field f where f.organization_id = " + lead + ".organization_id"
                + " and f.owner = " + bind(kind.type()) + " and lower(f.name) = lower(" + bind(name) + ") and "
                + custom("f.id::text", condition.condition(), path) + ")";
    }

    private String regular(SearchFields.Spec spec, Condition condition, String path) {
        String expression = spec.sql(lead);
        Kind fieldKind = spec.kind();
        if (condition instanceof TextCondition text && fieldKind == Kind.TEXT) {
            return words(text.value(), text.phrase()).stream()
                    .map(word -> expression + " ilike " + contains(word))
                    .collect(Collectors.joining(" and ", "(", ")"));
        }
        if (condition instanceof Term term && (fieldKind == Kind.KEY || fieldKind == Kind.TEXT)) {
            return expression + "::text = any(" + bind(term.values()) + "::text[])";
        }
        if (condition instanceof NumberRange range && fieldKind == Kind.NUMBER) {
            return range(expression, range);
        }
        if (condition instanceof BooleanCondition bool && fieldKind == Kind.BOOLEAN) {
            return expression + " = " + bind(bool.value());
        }
        if (condition instanceof Exists) {
            return fieldKind == Kind.TEXT ? "coalesce(" + expression + ", '') <> ''" : expression + " is not null";
        }
        if (condition instanceof MomentRange moments && (fieldKind == Kind.MOMENT || fieldKind == Kind.DAY)) {
            // a date column counts from the start of its UTC day, as list filters do
            String instant = fieldKind == Kind.DAY ? "(" + expression + "::timestamp at time zone 'UTC')" : expression;
            List<String> bounds = new ArrayList<>();
            if (moments.onOrAfter() != null) {
                bounds.add(instant + " >= " + bind(moments.onOrAfter()));
            }
            if (moments.before() != null) {
                bounds.add(instant + " < " + bind(moments.before()));
            }
            return bounds.isEmpty() ? expression + " is not null" : "(" + String.join(" and ", bounds) + ")";
        }
        throw StructuredQueryParser.error(path, "This condition doesn't apply to a " + fieldKind.name().toLowerCase(
                Locale.ROOT) + " field.");
    }

    /**
     * A condition on the custom value under the key {@code key} (SQL, bound or a definition's id column): text
     * contains (any item of a list), term equals a text value or list item, exists, number ranges on numbers.
     */
    private String custom(String key, Condition condition, String path) {
        String value = lead + ".custom -> " + key;
        if (condition instanceof TextCondition text) {
            String items = "jsonb_array_elements_text(case jsonb_typeof(" + value + ") when 'array' then " + value
                    + " else jsonb_build_array(" + value + ") end)";
            return words(text.value(), text.phrase()).stream()
                    .map(word -> "exists (select 1 from " + items + " v where v ilike " + contains(word) + ")")
                    .collect(Collectors.joining(" and ", "(", ")"));
        }
        if (condition instanceof Term term) {
            // jsonb ?| is true for a string equal to one of the texts, alone or as an item of a list
            return "coalesce((" + value + ") ?| " + bind(term.values()) + "::text[], false)";
        }
        if (condition instanceof Exists) {
            return lead + ".custom ? " + key;
        }
        if (condition instanceof NumberRange range) {
            return range("(case jsonb_typeof(" + value + ") when 'number' then (" + value + ")::text::numeric end)",
                    range);
        }
        throw StructuredQueryParser.error(path, "This condition is not supported on custom fields yet; use text,"
                + " term, exists or number_range.");
    }

    private String range(String expression, NumberRange range) {
        List<String> bounds = new ArrayList<>();
        bound(bounds, expression, ">", range.gt());
        bound(bounds, expression, ">=", range.gte());
        bound(bounds, expression, "<", range.lt());
        bound(bounds, expression, "<=", range.lte());
        return bounds.isEmpty() ? expression + " is not null" : "(" + String.join(" and ", bounds) + ")";
    }

    private void bound(List<String> bounds, String expression, String operator, BigDecimal value) {
        if (value != null) {
            bounds.add(expression + " " + operator + " " + bind(value) + "::numeric");
        }
    }

    /** {@code has_related}: an object of the related type, tied to this one by its id columns, matches. */
    private String related(HasRelated related) {
        if (!related.thisType().equals(kind.type())) {
            throw StructuredQueryParser.error(related.path() + ".this_object_type", "Must be the searched object"
                    + " type \"" + kind.type() + "\".");
        }
        ObjectKind other = SearchFields.kind(related.relatedType(), related.path() + ".related_object_type");
        String alias = "r" + (depth + 1);
        String join;
        if (kind.parents().containsKey(other.type())) {
            join = alias + ".id = " + lead + "." + kind.parents().get(other.type());
        } else if (other.parents().containsKey(kind.type())) {
            join = alias + "." + other.parents().get(kind.type()) + " = " + lead + ".id";
        } else {
            throw StructuredQueryParser.error(related.path() + ".related_object_type", kind.type() + " and "
                    + other.type() + " objects are not related.");
        }
        String inner = new SearchSql(other, alias, depth + 1, callerOffset, organizationId, parameters).sql(related.related());
        return "exists (select 1 from " + other.table() + " " + alias + " where " + alias + ".organization_id = "
                + lead + ".organization_id and " + join + " and " + inner + ")";
    }

    /** A lead's free text: a substring of its name or url, or of a contact's name, emails, phones or urls. */
    private String leadText(String pattern) {
        return "(" + lead + ".name ilike " + pattern + " or " + lead + ".url ilike " + pattern + " or "
                + contactMatch(contactText("c", pattern)) + ")";
    }

    /** A contact's free text over {@code alias}: its name, title, emails, phones or urls. */
    private static String contactText(String alias, String pattern) {
        return "(" + alias + ".name ilike " + pattern + " or " + alias + ".title ilike " + pattern
                + " or " + items(alias + ".emails", "email") + " ilike " + pattern
                + " or " + items(alias + ".phones", "phone") + " ilike " + pattern
                + " or " + items(alias + ".urls", "url") + " ilike " + pattern + ")";
    }

    /**
     * Leads with a contact meeting a text {@code condition} (over {@code c}): the contacts are searched once for the
     * whole organization when it is known (an uncorrelated array the lead's primary key then answers, so the
     * contacts' trigram indexes do the work), else per lead.
     */
    private String contactMatch(String condition) {
        if (organizationId == null) {
            return contact("c", condition);
        }
        return lead + ".id = any(array(select c.lead_id from contact c where c.organization_id = "
                + bind(organizationId) + " and " + condition + "))";
    }

    /** The values under {@code key} of a {@code {"items": [...]}} column, one per line (V11's indexed expression). */
    private static String items(String column, String key) {
        return "search_items(" + column + ", '" + key + "')";
    }

    private String match(FieldMatch match) {
        String value = match.value();
        if (match.field().startsWith(CUSTOM_PREFIX)) {
            return customMatch(match);
        }
        return switch (field(match.field())) {
            case "name", "company" -> lead + ".name ilike " + contains(value);
            case "description" -> "coalesce(" + lead + ".description, '') ilike " + contains(value);
            case "id", "lead_id" -> lead + ".id = " + bind(value);
            case "status", "lead_status" -> "exists (select 1 from lead_status ls where ls.id = " + lead
                    + ".status_id and lower(ls.label) = lower(" + bind(value) + "))";
            case "email", "email_address" -> contactMatch(items("c.emails", "email") + " ilike " + contains(value));
            case "phone", "phone_number" -> phone(value);
            case "url" -> {
                String pattern = contains(value);
                yield "(" + lead + ".url ilike " + pattern + " or "
                        + contactMatch(items("c.urls", "url") + " ilike " + pattern) + ")";
            }
            case "created_by" -> user("created_by", value);
            case "updated_by" -> user("updated_by", value);
            case "user" -> "(" + user("created_by", value) + " or " + user("updated_by", value) + ")";
            case "date_created", "date_updated" -> dateMatch(match.field(), value, match.position());
            case "contacts", "opportunities", "tasks" ->
                    count(match.field()) + " = " + bind(number(value, match.position()));
            default -> throw unknownField(match.field(), match.position());
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

    /** {@code custom.cf_…:value}: a case-insensitive substring of the stored value, or of any item of a list value. */
    private String customMatch(FieldMatch match) {
        String fieldId = match.field().substring(CUSTOM_PREFIX.length());
        if (!CUSTOM_FIELD_ID.matcher(fieldId).matches()) {
            throw unknownField(match.field(), match.position());
        }
        return custom(bind(fieldId) + "::text", new TextCondition(match.value(), true), "query");
    }

    private String has(Has has) {
        return switch (has.kind().toLowerCase(Locale.ROOT)) {
            case "contacts" -> contact("c", "true");
            case "emails", "email" -> contact("c", item("c.emails", "email", "is not null"));
            case "phones", "phone" -> contact("c", item("c.phones", "phone", "is not null"));
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
        Optional<RelativePeriods.Period> day = day(value);
        if (day.isPresent()) {
            return "(" + column + " >= " + bind(day.get().start()) + " and " + column + " < " + bind(day.get().end())
                    + ")";
        }
        return column + " = " + bind(instant(value, position));
    }

    /** A day compares by its bounds (so {@code > 2024-05-01} starts on May 2nd), a datetime exactly. */
    private String dateCompare(String field, Operator operator, String value, int position) {
        String column = lead + "." + field;
        Optional<RelativePeriods.Period> day = day(value);
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
     * A period: a relative one on the caller's clock (X-TZ-Offset: {@code today}, {@code yesterday},
     * {@code this week}, {@code 3 days ago}, ... see {@link RelativePeriods}), or {@code YYYY-MM-DD} as a UTC day
     * (the zone Close's datetimes are written in).
     */
    private Optional<RelativePeriods.Period> day(String value) {
        Optional<RelativePeriods.Period> relative = RelativePeriods.named(value, callerOffset);
        if (relative.isPresent()) {
            return relative;
        }
        return CloseDateTimes.parseDate(value).map(date -> RelativePeriods.day(date, ZoneOffset.UTC));
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
        // stored numbers are E.164 without punctuation (+16505551234); the query may be written any way
        String pattern = contains(digits.isEmpty() ? value : digits);
        return contactMatch(items("c.phones", "phone") + (digits.isEmpty() ? " ilike " : " like ") + pattern);
    }

    private String user(String column, String value) {
        String bound = bind(value);
        return "(" + lead + "." + column + " = " + bound + " or lower(" + lead + "." + column + "_name) = lower("
                + bound + "))";
    }

    /** Whether one of the lead's contacts meets {@code condition} (over {@code alias}). */
    private String contact(String alias, String condition) {
        return "exists (select 1 from contact " + alias + " where " + alias + ".organization_id = " + lead
                + ".organization_id and " + alias + ".lead_id = " + lead + ".id and (" + condition + "))";
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

    /** The text language's fields that take {@code :} (the lower-case name). */
    static boolean isKnown(String field) {
        return switch (field) {
            case "name", "company", "description", "id", "lead_id", "status", "lead_status", "email",
                 "email_address", "phone", "phone_number", "url", "created_by", "updated_by", "user" -> true;
            default -> false;
        };
    }

    /** Whether {@code key} names a built-in term of the text language rather than a custom field. */
    static boolean isBuiltIn(String key) {
        String field = field(key);
        return isKnown(field) || field.startsWith(CUSTOM_PREFIX) || switch (field) {
            case "date_created", "date_updated", "contacts", "opportunities", "tasks", "has", "sort", "slice" -> true;
            default -> false;
        };
    }

    private static ValidationException unknownField(String field, int position) {
        return LeadQueryParser.error("Unknown field \"" + field + "\" at position " + position
                + " (a custom field is named in quotes, \"Field Name\":value, or by id, custom.cf_…:value).");
    }
}
