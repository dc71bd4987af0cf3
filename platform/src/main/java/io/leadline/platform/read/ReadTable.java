package io.leadline.platform.read;

import io.leadline.platform.wire.FieldSelection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * How one kind of object is read: the SQL it lives in ({@code from}, with the aliases its expressions use), the
 * column holding its stored wire form ({@code doc}), the fields composed at read time from other rows (a status
 * label, embedded children), and the fields a list may filter and order by, each mapped from its Close name to a
 * SQL expression. A resource declares one of these instead of writing queries; {@link ListQuery} and
 * {@link ReadStatements} turn a request into one statement whose values are all bound parameters.
 */
public final class ReadTable {

    /** Names and SQL of a table are constants of the code; this guards against a name that could break quoting. */
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    private final String from;
    private final String organizationColumn;
    private final String idColumn;
    private final String document;
    private final Map<String, String> composed;
    /** Fields composed together, each group one expression answering a jsonb object of exactly its names. */
    private final List<ComposedGroup> composedGroups;
    private final Map<String, Filterable> filters;
    private final Map<String, String> orders;
    private final String defaultOrder;
    private final int maxLimit;
    private final Set<String> ownParameters;
    /** SQL answering (id, name) of the row's custom fields, correlated with the row; null: no names to resolve. */
    private final String customFieldsOfRow;
    private static final Pattern CUSTOM_FIELD_ID = Pattern.compile("custom\\.cf_[A-Za-z0-9]+");
    private static final String CUSTOM_PREFIX = "custom.";

    private ReadTable(Builder builder) {
        this.from = require(builder.from, "from");
        this.organizationColumn = require(builder.organizationColumn, "organizationColumn");
        this.idColumn = require(builder.idColumn, "idColumn");
        this.document = require(builder.document, "document");
        this.composed = Map.copyOf(builder.composed);
        this.composedGroups = List.copyOf(builder.composedGroups);
        this.filters = Map.copyOf(builder.filters);
        this.orders = Map.copyOf(builder.orders);
        this.defaultOrder = builder.defaultOrder;
        this.maxLimit = builder.maxLimit;
        this.ownParameters = Set.copyOf(builder.ownParameters);
        this.customFieldsOfRow = builder.customFieldsOfRow;
        if (defaultOrder != null) {
            String name = defaultOrder.startsWith("-") ? defaultOrder.substring(1) : defaultOrder;
            if (!orders.containsKey(name)) {
                throw new IllegalArgumentException("default order " + defaultOrder + " is not an order field");
            }
        }
        composedOrder = List.copyOf(builder.composed.keySet());
        Set<String> seen = new HashSet<>(composed.keySet());
        composedGroups.forEach(group -> group.names().forEach(name -> {
            if (!seen.add(name)) {
                throw new IllegalArgumentException("composed twice: " + name);
            }
        }));
        String overlay = overlay(composedOrder.isEmpty() ? null : buildObject(composedOrder), FieldSelection.all());
        wholeJson = overlay == null ? document : "(" + document + " || " + overlay + ")";
    }

    private final List<String> composedOrder;
    /** The whole wire form's expression, built once: most reads ask for every field. */
    private final String wholeJson;

    public static Builder builder() {
        return new Builder();
    }

    /** The {@code from} clause, e.g. {@code opportunity o left join opportunity_status os on ...}. */
    public String from() {
        return from;
    }

    public String organizationColumn() {
        return organizationColumn;
    }

    public String idColumn() {
        return idColumn;
    }

    public int maxLimit() {
        return maxLimit;
    }

    public Filterable filter(String name) {
        return filters.get(name);
    }

    public String orderExpression(String name) {
        return orders.get(name);
    }

    public Set<String> orderNames() {
        return new TreeSet<>(orders.keySet());
    }

    public String defaultOrder() {
        return defaultOrder;
    }

    public boolean handlesItself(String parameter) {
        return ownParameters.contains(parameter);
    }

    /** The whole wire form of a row as a jsonb expression: the stored document with the composed fields over it. */
    public String json() {
        return json(FieldSelection.all(), null);
    }

    /**
     * The wire form of a row restricted to {@code fields}, as a jsonb expression. Composed fields that are not asked
     * for are not computed at all (an embed costs nothing when {@code _fields} leaves it out); the stored document's
     * keys are picked by a bound array of names, so a requested name is never part of the SQL text.
     */
    public String json(FieldSelection fields, SqlParameters parameters) {
        if (fields.isAll()) {
            return wholeJson;
        }
        List<String> wantedComposed = composedOrder.stream().filter(fields::wants).toList();
        String overlay = overlay(wantedComposed.isEmpty() ? null : buildObject(wantedComposed), fields);
        List<String> wantedStored = fields.names().stream().filter(name -> !isComposed(name)).toList();
        String own = "coalesce((select jsonb_object_agg(d.key, d.value) from jsonb_each(" + document + ") d"
                + " where d.key = any(" + parameters.bind(wantedStored) + "::text[])"
                + (fields.wantsAllCustom() ? " or d.key like 'custom.%'" : "") + "), '{}'::jsonb)";
        List<String> byName = customFieldsOfRow == null ? List.of() : wantedStored.stream()
                .filter(name -> name.startsWith(CUSTOM_PREFIX) && !CUSTOM_FIELD_ID.matcher(name).matches())
                .map(name -> name.substring(CUSTOM_PREFIX.length())).toList();
        if (!byName.isEmpty()) {
            // custom.<Field Name>: resolved in the same statement through the row's fields (names ignore case, as
            // their uniqueness does), answered under the name as asked
            own = "(" + own + " || coalesce((select jsonb_object_agg('" + CUSTOM_PREFIX + "' || n.name, " + document
                    + " -> ('" + CUSTOM_PREFIX + "' || f.id)) from unnest(" + parameters.bind(byName) + "::text[]) n(name)"
                    + " join (" + customFieldsOfRow + ") f(id, name) on lower(f.name) = lower(n.name)"
                    + " where jsonb_exists(" + document + ", '" + CUSTOM_PREFIX + "' || f.id)), '{}'::jsonb))";
        }
        return overlay == null ? own : "(" + own + " || " + overlay + ")";
    }

    private boolean isComposed(String name) {
        return composed.containsKey(name) || composedGroups.stream().anyMatch(group -> group.names().contains(name));
    }

    /**
     * The single composed fields' object followed by each group that has a wanted field; a group's fields that are
     * not wanted are removed by name (the names are the code's constants, so the SQL text depends only on the
     * selection's shape, and the statement stays one prepared statement per shape).
     */
    private String overlay(String singles, FieldSelection fields) {
        List<String> parts = new ArrayList<>();
        if (singles != null) {
            parts.add(singles);
        }
        for (ComposedGroup group : composedGroups) {
            List<String> unwanted = group.names().stream().filter(name -> !fields.wants(name)).toList();
            if (unwanted.size() == group.names().size()) {
                continue;
            }
            parts.add(unwanted.isEmpty() ? "(" + group.expression() + ")"
                    : "((" + group.expression() + ") - array['" + String.join("', '", unwanted) + "'])");
        }
        return parts.isEmpty() ? null : String.join(" || ", parts);
    }

    private String buildObject(List<String> names) {
        List<String> pairs = new ArrayList<>();
        names.forEach(name -> pairs.add("'" + name + "', " + composed.get(name)));
        return "jsonb_build_object(" + String.join(", ", pairs) + ")";
    }

    private static String require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a read table needs " + what);
        }
        return value;
    }

    private static String checkedName(String name) {
        if (!FIELD_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a field name: " + name);
        }
        return name;
    }

    /** Fields composed by one expression, because they come from the same rows (a lead's contacts and what they give). */
    private record ComposedGroup(List<String> names, String expression) {
    }

    /**
     * A filterable field: the SQL expression it compares and how its values parse. {@code groupsOf} is set for a user
     * filter that also accepts group ids (the organization column the group's members are looked up in), else null.
     */
    public record Filterable(String expression, FilterType type, String groupsOf) {
    }

    public static final class Builder {
        private String from;
        private String organizationColumn;
        private String idColumn;
        private String document;
        private final Map<String, String> composed = new LinkedHashMap<>();
        private final List<ComposedGroup> composedGroups = new ArrayList<>();
        private final Map<String, Filterable> filters = new LinkedHashMap<>();
        private final Map<String, String> orders = new LinkedHashMap<>();
        private String defaultOrder;
        private int maxLimit = ListQuery.DEFAULT_LIMIT;
        private final Set<String> ownParameters = new TreeSet<>();
        private String customFieldsOfRow;

        /** The {@code from} clause with its aliases; joins are fine, e.g. for filters on a status's type. */
        public Builder from(String from) {
            this.from = from;
            return this;
        }

        /** Every statement is scoped to the caller's organization by this column. */
        public Builder organizationColumn(String column) {
            this.organizationColumn = column;
            return this;
        }

        /** The id: what a single GET looks up and the last tiebreak of every order. */
        public Builder idColumn(String column) {
            this.idColumn = column;
            return this;
        }

        /**
         * Lets {@code _fields} name custom fields by name ({@code custom.<Field Name>}): SQL answering the
         * {@code (id, name)} of the custom fields a row may hold, correlated with the row (its organization).
         */
        public Builder customFieldsOfRow(String sql) {
            this.customFieldsOfRow = sql;
            return this;
        }

        /** The jsonb column holding the object's own wire form, written with every change of the row. */
        public Builder document(String column) {
            this.document = column;
            return this;
        }

        /**
         * A field whose value comes from other rows (or from a column the database itself changes), so the stored
         * document can't be trusted for it: any SQL expression over the {@code from} aliases; it replaces the
         * document's key of the same name.
         */
        public Builder composed(String name, String expression) {
            composed.put(checkedName(name), expression);
            return this;
        }

        /**
         * Several fields composed by one expression that answers a jsonb object holding exactly {@code names}: for
         * fields that come from the same rows, which one subquery then visits once instead of once per field
         * (measured on a lead's five contact fields: the lead GET's statement ran a third faster in PostgreSQL).
         */
        public Builder composedTogether(List<String> names, String objectExpression) {
            if (names.isEmpty()) {
                throw new IllegalArgumentException("a composed group needs names");
            }
            composedGroups.add(new ComposedGroup(names.stream().map(ReadTable::checkedName).toList(), objectExpression));
            return this;
        }

        public Builder filter(String name, String expression, FilterType type) {
            filters.put(checkedName(name), new Filterable(expression, type, null));
            return this;
        }

        /**
         * A filter on a user id column that, as Close's {@code user_id__in=user_a,group_b}, also takes group ids: a
         * group matches its members, from the service's {@code group_member} projection of the gateway's
         * {@code group.*} events ({@link io.leadline.platform.group.GroupMembers}), within the same statement.
         * Call after {@link #organizationColumn}.
         */
        public Builder userFilter(String name, String expression) {
            if (organizationColumn == null) {
                throw new IllegalStateException("organizationColumn first: group members are looked up within it");
            }
            filters.put(checkedName(name), new Filterable(expression, FilterType.STRING, organizationColumn));
            return this;
        }

        public Builder orderBy(String name, String expression) {
            orders.put(checkedName(name), expression);
            return this;
        }

        /** The order when {@code _order_by} is absent, e.g. {@code -date_created}; must name an order field. */
        public Builder defaultOrder(String order) {
            this.defaultOrder = order;
            return this;
        }

        public Builder maxLimit(int maxLimit) {
            this.maxLimit = maxLimit;
            return this;
        }

        /** Parameters the resource reads itself (e.g. {@code _type}, {@code view}), so they are not filters. */
        public Builder ownParameters(String... names) {
            ownParameters.addAll(Set.of(names));
            return this;
        }

        public ReadTable build() {
            return new ReadTable(this);
        }
    }
}
