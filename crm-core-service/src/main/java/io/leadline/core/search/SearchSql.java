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
import io.leadline.core.search.SearchFilter.SubQuery;
import io.leadline.core.search.SearchFilter.Term;
import io.leadline.core.search.SearchFilter.Text;
import io.leadline.core.search.SearchFilter.TextCondition;
import io.leadline.platform.read.ReadStatement;
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
    /** How a lead's text on its contacts is matched at the top level: see {@link TextStrategy}. */
    private final TextStrategy strategy;
    /** Where a set translation notes each text set as a statement of its own ({@link #textSets}), or null. */
    private final List<ReadStatement> sets;

    private SearchSql(ObjectKind kind, String alias, int depth, ZoneOffset callerOffset, String organizationId,
                      SqlParameters parameters, TextStrategy strategy) {
        this(kind, alias, depth, callerOffset, organizationId, parameters, strategy, null);
    }

    private SearchSql(ObjectKind kind, String alias, int depth, ZoneOffset callerOffset, String organizationId,
                      SqlParameters parameters, TextStrategy strategy, List<ReadStatement> sets) {
        this.kind = kind;
        this.lead = alias;
        this.depth = depth;
        this.callerOffset = callerOffset;
        this.organizationId = organizationId;
        this.parameters = parameters;
        this.strategy = strategy;
        this.sets = sets;
    }

    /**
     * The sets of leads the query's free-text words stand for (one per word, the set form's unions), each as an
     * {@code explain} of its own, so {@link SearchPlanner} can weigh collecting them against probing.
     */
    public static List<ReadStatement> textSets(LeadQuery query, String leadAlias, ZoneOffset callerOffset,
                                               String organizationId) {
        List<ReadStatement> sets = new ArrayList<>();
        new SearchSql(SearchFields.kind("lead", "query"), leadAlias, 0, callerOffset, organizationId,
                new SqlParameters(), TextStrategy.SET, sets).translate(query);
        return sets;
    }

    /** The same for a structured query over {@code objectType}. */
    public static List<ReadStatement> textSets(SearchFilter filter, String objectType, String alias,
                                               ZoneOffset callerOffset, String organizationId) {
        List<ReadStatement> sets = new ArrayList<>();
        new SearchSql(SearchFields.kind(objectType, "query"), alias, 0, callerOffset, organizationId,
                new SqlParameters(), TextStrategy.SET, sets).sql(filter);
        return sets;
    }

    /**
     * Two ways to find the leads whose text (or a contact's) matches, each fast where the other is slow
     * ({@link SearchPlanner} picks one per search from PostgreSQL's estimate; README "Search and its indexes"):
     */
    public enum TextStrategy {
        /**
         * The matching leads collected as a set from the trigram indexes (leads' and contacts' ids, one union): as
         * cheap as there are matches, so right when they are few.
         */
        SET,
        /**
         * Each lead tested in the page's order (its own name and url, then its contacts by their lead index) until
         * the page is full: as cheap as the leads read before the page fills, so right when matches are many.
         */
        PROBE
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
        return condition(query, leadAlias, callerOffset, organizationId, TextStrategy.SET);
    }

    /** The same, matching text the way {@code strategy} says. */
    public static SqlCondition condition(LeadQuery query, String leadAlias, ZoneOffset callerOffset,
                                         String organizationId, TextStrategy strategy) {
        ObjectKind lead = SearchFields.kind("lead", "query");
        // Translated once now to report errors, and again per statement with that statement's parameters.
        new SearchSql(lead, leadAlias, 0, callerOffset, organizationId, new SqlParameters(), strategy).translate(query);
        return parameters -> " and "
                + new SearchSql(lead, leadAlias, 0, callerOffset, organizationId, parameters, strategy).translate(query);
    }

    /**
     * The opportunity list's own {@code query}: the text language over the opportunity under {@code alias}
     * ({@code sort:} and {@code slice:} are a 400 there: the list has {@code _order_by}).
     */
    public static SqlCondition opportunityCondition(LeadQuery query, String alias, ZoneOffset callerOffset) {
        if (query.sort().isPresent() || query.slice().isPresent()) {
            throw LeadQueryParser.error("sort: and slice: don't apply to the opportunity list; use _order_by.");
        }
        return condition(query.filter(), "opportunity", alias, callerOffset);
    }

    /** {@code filter} over objects of {@code objectType} under {@code alias}, as {@code " and (...)"}. */
    public static SqlCondition condition(SearchFilter filter, String objectType, String alias, ZoneOffset callerOffset) {
        return condition(filter, objectType, alias, callerOffset, null);
    }

    /** The same, knowing the organization the read path scopes to (see the lead query's overload). */
    public static SqlCondition condition(SearchFilter filter, String objectType, String alias, ZoneOffset callerOffset,
                                         String organizationId) {
        return condition(filter, objectType, alias, callerOffset, organizationId, TextStrategy.SET);
    }

    /** The same, matching a lead's text the way {@code strategy} says. */
    public static SqlCondition condition(SearchFilter filter, String objectType, String alias, ZoneOffset callerOffset,
                                         String organizationId, TextStrategy strategy) {
        ObjectKind kind = SearchFields.kind(objectType, "query");
        new SearchSql(kind, alias, 0, callerOffset, organizationId, new SqlParameters(), strategy).sql(filter);
        return parameters -> " and "
                + new SearchSql(kind, alias, 0, callerOffset, organizationId, parameters, strategy).sql(filter);
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
        // the rest is the text language's, which searches leads and (the opportunity list's query) opportunities
        if (filter instanceof SubQuery sub) {
            ActivitySql activities = new ActivitySql(this, lead);
            return kind.type().equals("opportunity") ? activities.opportunitySubQuery(sub)
                    : activities.leadSubQuery(sub);
        }
        if (kind.type().equals("opportunity")) {
            return opportunityTerm(filter);
        }
        if (!kind.type().equals("lead")) {
            throw new IllegalStateException("a text query term on " + kind.type());
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
        if (kind.type().equals("lead")) {
            return leadText(text);
        }
        String pattern = contains(text);
        return switch (kind.type()) {
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
        String inner = new SearchSql(other, alias, depth + 1, callerOffset, organizationId, parameters, strategy)
                .sql(related.related());
        return "exists (select 1 from " + other.table() + " " + alias + " where " + alias + ".organization_id = "
                + lead + ".organization_id and " + join + " and " + inner + ")";
    }

    /**
     * A lead's free text: a substring of its name or url, or of a contact's name, title, emails, phones or urls. As a
     * set, one union of ids whose branches each use their trigram indexes (an OR across the lead and its contacts
     * would leave the indexes out).
     */
    private String leadText(String word) {
        String pattern = contains(word);
        if (topLevelSet()) {
            if (sets != null) {
                SqlParameters own = new SqlParameters();
                sets.add(new ReadStatement("explain (format json) " + leadTextSet(own.bind(organizationId),
                        own.bind(likeContains(word))), own));
            }
            return lead + ".id in (" + leadTextSet(bind(organizationId), pattern) + ")";
        }
        return "(" + lead + ".name ilike " + pattern + " or " + lead + ".url ilike " + pattern + " or "
                + contactMatch(contactText("c", pattern)) + ")";
    }

    /** The ids of the organization's leads whose name or url, or a contact's text, holds {@code pattern}. */
    private static String leadTextSet(String organization, String pattern) {
        return "select x.id from lead x where x.organization_id = " + organization + " and (x.name ilike " + pattern
                + " or x.url ilike " + pattern + ") union all select c.lead_id from contact c where c.organization_id = "
                + organization + " and " + contactText("c", pattern);
    }

    /** Whether this is the searched lead itself, in an organization known now, to be matched as a set. */
    private boolean topLevelSet() {
        return depth == 0 && organizationId != null && strategy == TextStrategy.SET;
    }

    /** A contact's free text over {@code alias}: its name, title, emails, phones or urls. */
    private static String contactText(String alias, String pattern) {
        return "(" + alias + ".name ilike " + pattern + " or " + alias + ".title ilike " + pattern
                + " or " + items(alias + ".emails", "email") + " ilike " + pattern
                + " or " + items(alias + ".phones", "phone") + " ilike " + pattern
                + " or " + items(alias + ".urls", "url") + " ilike " + pattern + ")";
    }

    /**
     * Leads with a contact meeting a text {@code condition} (over {@code c}). The searched lead itself: as a set (the
     * contacts' trigram indexes, one semi-join), or probed lead by lead ({@code offset 0} keeps PostgreSQL from
     * turning the probe into one hashed set of every matching contact, which is what the page must not wait for).
     * A lead inside a related search ({@code lead_query}): the contacts are searched once for the organization into
     * an array, as the related search is probed per object. Without the organization, per lead.
     */
    private String contactMatch(String condition) {
        if (organizationId == null) {
            return contact("c", condition);
        }
        if (depth == 0) {
            return topLevelSet() ? lead + ".id in (select c.lead_id from contact c where c.organization_id = "
                    + bind(organizationId) + " and " + condition + ")"
                    : "exists (select 1 from contact c where c.organization_id = " + lead + ".organization_id and c.lead_id = "
                    + lead + ".id and (" + condition + ") offset 0)";
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
            case "date_created", "date_updated" -> dateMatch(lead + "." + field(match.field()), value, match.position());
            case "contacts", "opportunities", "tasks" ->
                    count(match.field()) + " = " + bind(number(value, match.position()));
            default -> {
                if (ActivitySql.isField(field(match.field()))) {
                    yield new ActivitySql(this, lead).match(match, field(match.field()));
                }
                throw unknownField(match.field(), match.position());
            }
        };
    }

    private String compare(Compare compare) {
        String field = field(compare.field());
        Operator operator = compare.operator();
        return switch (field) {
            case "date_created", "date_updated" ->
                    dateCompare(lead + "." + field, operator, compare.value(), compare.position());
            case "contacts", "opportunities", "tasks" ->
                    count(field) + " " + operator.sql() + " " + bind(number(compare.value(), compare.position()));
            default -> {
                if (ActivitySql.isField(field)) {
                    yield new ActivitySql(this, lead).compare(compare, field);
                }
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
            case "calls" -> activity("call");
            case "sms", "sms_messages" -> activity("sms");
            case "notes" -> activity("note");
            case "meetings" -> activity("meeting");
            case "email_messages", "sent_emails" -> activity("email");
            case "whatsapp_messages" -> activity("whatsapp_message");
            default -> throw LeadQueryParser.error("has:" + has.kind() + " is not supported (position "
                    + has.position() + "); choose contacts, emails, phones, opportunities, tasks, calls, sms, notes,"
                    + " meetings, email_messages or whatsapp_messages.");
        };
    }

    /**
     * The lead has an activity of {@code kind}: crm-core's own {@code lead_activity}, kept from activities-service's
     * events (io.leadline.core.leadactivity), so it lags the activity by the event's way through Kafka.
     */
    private String activity(String kind) {
        return "exists (select 1 from lead_activity a where a.organization_id = " + lead + ".organization_id"
                + " and a.lead_id = " + lead + ".id and a.kind = '" + kind + "')";
    }

    /** {@code column} (a timestamptz expression) within the day or period {@code value}, or at that instant. */
    /**
     * A term of the opportunity list's {@code query} (Close: "only opportunity properties"): free text is the note,
     * fields as the README's "Opportunity query" lists them; {@code has:} and the lead's fields are a 400.
     */
    private String opportunityTerm(SearchFilter filter) {
        if (filter instanceof FieldMatch match) {
            if (match.field().startsWith(CUSTOM_PREFIX)) {
                return customMatch(match);
            }
            String value = match.value();
            String o = lead;
            return switch (field(match.field())) {
                case "note" -> o + ".note ilike " + contains(value);
                case "id", "opportunity_id" -> o + ".id = " + bind(value);
                case "lead_id", "contact_id", "user_id" -> o + "." + field(match.field()) + " = " + bind(value);
                case "user", "user_name" -> "(" + o + ".user_id = " + bind(value) + " or lower(" + o
                        + ".user_name) = lower(" + bind(value) + "))";
                case "status", "status_label" -> opportunityStatus("lower(s.label) = lower(" + bind(value) + ")");
                case "status_type" -> opportunityStatus("s.status_type = lower(" + bind(value) + ")");
                case "value_period" -> o + ".value_period = lower(" + bind(value) + ")";
                case "value", "confidence" -> o + "." + field(match.field()) + " = "
                        + bind(amount(value, match.position()));
                case "created_by" -> user("created_by", value);
                case "updated_by" -> user("updated_by", value);
                case "date_won", "date_lost" -> dateMatch(utcDay(match.field()), value, match.position());
                case "date_created", "date_updated" -> dateMatch(o + "." + field(match.field()), value,
                        match.position());
                default -> throw unknownOpportunityField(match.field(), match.position());
            };
        }
        if (filter instanceof Compare compare) {
            String field = field(compare.field());
            return switch (field) {
                case "value", "confidence" -> lead + "." + field + " " + compare.operator().sql() + " "
                        + bind(amount(compare.value(), compare.position()));
                case "date_won", "date_lost" -> dateCompare(utcDay(field), compare.operator(), compare.value(),
                        compare.position());
                case "date_created", "date_updated" -> dateCompare(lead + "." + field, compare.operator(),
                        compare.value(), compare.position());
                default -> throw unknownOpportunityField(compare.field(), compare.position());
            };
        }
        Has has = (Has) filter;
        throw LeadQueryParser.error("has:" + has.kind() + " is not supported in an opportunity query (position "
                + has.position() + "); use lead_query for the opportunities' leads.");
    }

    /** The opportunity's status meets {@code condition} (over {@code s}). */
    private String opportunityStatus(String condition) {
        return "exists (select 1 from opportunity_status s where s.id = " + lead + ".status_id and " + condition + ")";
    }

    /** A date column as the start of its UTC day, so it compares with periods like a datetime (as list filters do). */
    private String utcDay(String column) {
        return "(" + lead + "." + field(column) + "::timestamp at time zone 'UTC')";
    }

    /** A whole amount (a value in cents, a confidence). */
    private static long amount(String value, int position) {
        if (value.matches("-?[0-9]{1,15}")) {
            return Long.parseLong(value);
        }
        throw LeadQueryParser.error("\"" + value + "\" is no whole number (position " + position + ").");
    }

    private static ValidationException unknownOpportunityField(String field, int position) {
        return LeadQueryParser.error("Unknown opportunity field \"" + field + "\" at position " + position
                + " (an opportunity query knows note, status, status_type, value, confidence, value_period, user,"
                + " user_id, lead_id, contact_id, id, created_by, updated_by, date_won, date_lost, date_created,"
                + " date_updated, custom fields; lead conditions go in lead_query).");
    }

    String dateMatch(String column, String value, int position) {
        Optional<RelativePeriods.Period> day = day(value);
        if (day.isPresent()) {
            return "(" + column + " >= " + bind(day.get().start()) + " and " + column + " < " + bind(day.get().end())
                    + ")";
        }
        return column + " = " + bind(instant(value, position));
    }

    /** A day compares by its bounds (so {@code > 2024-05-01} starts on May 2nd), a datetime exactly. */
    String dateCompare(String column, Operator operator, String value, int position) {
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

    static long number(String value, int position) {
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
        return bind(likeContains(value));
    }

    private static String likeContains(String value) {
        String escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    String bind(Object value) {
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
        return isKnown(field) || field.startsWith(CUSTOM_PREFIX) || ActivitySql.isField(field) || switch (field) {
            case "date_created", "date_updated", "contacts", "opportunities", "tasks", "has", "sort", "slice" -> true;
            default -> false;
        };
    }

    private static ValidationException unknownField(String field, int position) {
        return LeadQueryParser.error("Unknown field \"" + field + "\" at position " + position
                + " (a custom field is named in quotes, \"Field Name\":value, or by id, custom.cf_…:value).");
    }
}
