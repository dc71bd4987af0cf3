package io.leadline.core.search;

import java.util.Optional;

/**
 * A parsed lead query: its filter and the query-level options {@code sort:} and {@code slice:}, which are no
 * filters (they may only stand at the top level of the query).
 */
public record LeadQuery(SearchFilter filter, Optional<Sort> sort, Optional<Slice> slice) {

    /**
     * The filter alone, for searches of the leads of other objects ({@code lead_query}, smart views of opportunity
     * lists): sorting and slicing belong to lead lists there, so either is a 400.
     */
    public SearchFilter filterOnly() {
        if (sort.isPresent() || slice.isPresent()) {
            throw LeadQueryParser.error("sort: and slice: only apply to lead lists, not to the leads of other objects.");
        }
        return filter;
    }

    /** {@code sort:[-]field}: the field as Close names it, descending with a leading minus. */
    public record Sort(String field, boolean descending, int position) {
    }

    /** {@code slice:k/n}: the k-th of n disjoint, stable parts of the matches (1 ≤ k ≤ n). */
    public record Slice(int part, int parts) {
    }
}
