package io.leadline.core.search;

import io.leadline.platform.read.JsonReads;
import io.leadline.platform.read.ListQuery;
import io.leadline.platform.read.ReadStatements;
import io.leadline.platform.read.ReadTable;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * How many objects a search matches ({@code total_results} of {@code GET /lead/?query=}, {@code count.total} of
 * {@code /data/search/}) at a bounded cost: when PostgreSQL expects at least {@link #ESTIMATED_FROM} matches, its
 * estimate ({@link SearchPlanner}); below, an exact count (stopped at {@link #COUNTED_UP_TO}, where an estimate far
 * off the truth would otherwise cost a full count). An exact count of every match costs as much as reading every
 * match (150,000 for a three-letter text over a million leads), which a first page must not wait for; see the
 * README's "Totals of a search".
 */
@ApplicationScoped
public class SearchTotals {

    /** From this many expected matches on, the total is PostgreSQL's estimate. */
    public static final long ESTIMATED_FROM = 1_000;
    /** An exact count stops here (and answers the larger of what it counted and the estimate). */
    static final long COUNTED_UP_TO = 100_000;

    @Inject
    JsonReads reads;

    public Uni<Long> of(ReadTable table, String organizationId, ListQuery query, SearchPlanner.Plan plan) {
        long estimated = plan.estimatedMatches();
        if (estimated >= ESTIMATED_FROM) {
            return Uni.createFrom().item(estimated);
        }
        return reads.execute(ReadStatements.countUpTo(table, organizationId, query, plan.condition(), COUNTED_UP_TO + 1))
                .map(rows -> rows.iterator().next().getLong(0))
                .map(counted -> counted <= COUNTED_UP_TO ? counted : Math.max(counted, estimated));
    }
}
