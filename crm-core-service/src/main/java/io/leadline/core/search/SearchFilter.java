package io.leadline.core.search;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The one filter tree of every search: what the lead query language ({@link LeadQueryParser}) and the structured
 * queries of {@code /data/search/} and smart views ({@link StructuredQueryParser}) understood, before any SQL; both
 * are translated by {@link SearchSql} alone. The text-language nodes ({@link FieldMatch}, {@link Compare},
 * {@link Has}) carry 1-based character positions, the structured ones the JSON path of their clause, so a later
 * error (an unknown field, a condition the field can't take) can name where it is.
 */
public sealed interface SearchFilter {

    /** Every lead: the empty query and {@code *}. */
    record Everything() implements SearchFilter {
    }

    record And(List<SearchFilter> parts) implements SearchFilter {
        public And {
            parts = List.copyOf(parts);
        }
    }

    record Or(List<SearchFilter> parts) implements SearchFilter {
        public Or {
            parts = List.copyOf(parts);
        }
    }

    record Not(SearchFilter inner) implements SearchFilter {
    }

    /** Free text: a word or a quoted phrase, matched as a case-insensitive substring. */
    record Text(String text, boolean phrase, int position) implements SearchFilter {
    }

    /** {@code field:value} or {@code "Field Name":"value"}. */
    record FieldMatch(String field, String value, int position) implements SearchFilter {
    }

    /** {@code field > value}, {@code >=}, {@code <}, {@code <=}. */
    record Compare(String field, Operator operator, String value, int position) implements SearchFilter {
    }

    /** {@code has:contacts} and the like. */
    record Has(String kind, int position) implements SearchFilter {
    }

    /**
     * {@code call(...)}, {@code email(...)}, ... on a lead and {@code status_change(...)} on an opportunity: some
     * related record (an activity, a status change) of that {@code name} meets {@code inner}, whose terms name that
     * record's fields.
     */
    record SubQuery(String name, SearchFilter inner, int position) implements SearchFilter {
    }

    /** {@code object_type}: true when the searched object is of this type. */
    record ObjectType(String type) implements SearchFilter {
    }

    /** {@code id}: the object with this id. */
    record Id(String id) implements SearchFilter {
    }

    /** {@code field_condition}: a condition on one field of the searched object. */
    record FieldCondition(Field field, Condition condition, String path) implements SearchFilter {
    }

    /** {@code has_related}: some object of {@code relatedType} tied to this one matches {@code related}. */
    record HasRelated(String thisType, String relatedType, SearchFilter related, String path) implements SearchFilter {
    }

    /** The field of a {@link FieldCondition}. */
    sealed interface Field {
    }

    /** A field of the object itself, by its Close name ({@code SearchFields} says which exist). */
    record RegularField(String objectType, String name) implements Field {
    }

    /** A custom field by id ({@code cf_…}). */
    record CustomField(String id) implements Field {
    }

    /** A custom field by its name (the text language's {@code "Field Name":value}), looked up when the query runs. */
    record CustomFieldNamed(String name) implements Field {
    }

    /** What a field must satisfy; relative moments are already resolved into instants on the caller's clock. */
    sealed interface Condition {
    }

    /** Contains the text (a phrase) or every word of it (full_words), ignoring case. */
    record TextCondition(String value, boolean phrase) implements Condition {
        public TextCondition {
            Objects.requireNonNull(value);
        }
    }

    /** Equal to one of the values ({@code term}, {@code reference}, {@code current_user}). */
    record Term(List<String> values) implements Condition {
        public Term {
            values = List.copyOf(values);
        }
    }

    record NumberRange(BigDecimal gt, BigDecimal gte, BigDecimal lt, BigDecimal lte) implements Condition {
    }

    record BooleanCondition(boolean value) implements Condition {
    }

    /** The field has a value. */
    record Exists() implements Condition {
    }

    /** {@code onOrAfter <= field < before}; either bound may be null (open). */
    record MomentRange(Instant onOrAfter, Instant before) implements Condition {
    }

    enum Operator {
        GT(">"), GTE(">="), LT("<"), LTE("<=");

        private final String sql;

        Operator(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }
}
