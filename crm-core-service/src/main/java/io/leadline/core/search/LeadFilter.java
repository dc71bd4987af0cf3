package io.leadline.core.search;

import java.util.List;

/**
 * The filter tree of a lead query: what the parser understood, before any SQL. Positions are 1-based character
 * positions in the query text, kept so a later error (an unknown field, a bad date) can name where it is.
 */
public sealed interface LeadFilter {

    /** Every lead: the empty query and {@code *}. */
    record Everything() implements LeadFilter {
    }

    record And(List<LeadFilter> parts) implements LeadFilter {
        public And {
            parts = List.copyOf(parts);
        }
    }

    record Or(List<LeadFilter> parts) implements LeadFilter {
        public Or {
            parts = List.copyOf(parts);
        }
    }

    record Not(LeadFilter inner) implements LeadFilter {
    }

    /** Free text: a word or a quoted phrase, matched as a case-insensitive substring. */
    record Text(String text, boolean phrase, int position) implements LeadFilter {
    }

    /** {@code field:value} or {@code "Field Name":"value"}. */
    record FieldMatch(String field, String value, int position) implements LeadFilter {
    }

    /** {@code field > value}, {@code >=}, {@code <}, {@code <=}. */
    record Compare(String field, Operator operator, String value, int position) implements LeadFilter {
    }

    /** {@code has:contacts} and the like. */
    record Has(String kind, int position) implements LeadFilter {
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
