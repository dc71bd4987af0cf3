package io.leadline.core.search;

import io.leadline.core.search.SearchSql.TextStrategy;
import io.leadline.platform.read.JsonReads;
import io.leadline.platform.read.ListQuery;
import io.leadline.platform.read.ReadStatement;
import io.leadline.platform.read.ReadStatements;
import io.leadline.platform.read.ReadTable;
import io.leadline.platform.read.SqlCondition;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses how a search matches text ({@link TextStrategy}) from PostgreSQL's own estimates, asked before the page
 * runs (plannings only, run together): the matches M of the whole search, the objects N of the organization under the
 * list's other filters, and the leads T of each free-text word's set. Probing lead by lead in the page's order reads
 * about {@code (skip + limit + 1) × N / M} leads; collecting the sets reads about T; each costs about the same per
 * lead read (measured: 12–17 µs), so the smaller wins. PostgreSQL's own cost of the probe can't decide this: it
 * can't estimate the contacts' part of the probe and takes every probe for a cheap match. A search without free text
 * needs only M (for {@link SearchTotals}).
 */
@ApplicationScoped
public class SearchPlanner {

    /** The first node's estimate in {@code explain (format json)}: the whole statement's rows. */
    private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\"\\s*:\\s*([0-9]+)");

    @Inject
    JsonReads reads;

    /** The condition a page runs with, and PostgreSQL's estimate of all the matches. */
    public record Plan(SqlCondition condition, long estimatedMatches) {
    }

    /**
     * {@code conditions} gives the search's condition for each strategy and {@code textSets} the sets of its words
     * ({@link SearchSql#textSets}); {@code before} is how many matches a probe reads before the page
     * ({@code _skip}; none behind a cursor's keyset).
     */
    public Uni<Plan> plan(ReadTable table, String organizationId, ListQuery query, long before,
                          Function<TextStrategy, SqlCondition> conditions, List<ReadStatement> textSets) {
        SqlCondition set = conditions.apply(TextStrategy.SET);
        Uni<Long> matches = estimate(ReadStatements.estimate(table, organizationId, query, set));
        if (textSets.isEmpty()) {
            return matches.map(estimated -> new Plan(set, estimated));
        }
        Uni<Long> objects = estimate(ReadStatements.estimate(table, organizationId, query, SqlCondition.NONE));
        Uni<Long> collected = Uni.join().all(textSets.stream().map(this::estimate).toList()).andFailFast()
                .map(rows -> rows.stream().mapToLong(Long::longValue).sum());
        return Uni.combine().all().unis(matches, objects, collected).asTuple().map(all -> {
            long estimated = all.getItem1();
            double probed = (double) (before + query.limit() + 1) * all.getItem2() / Math.max(estimated, 1);
            return new Plan(probed <= all.getItem3() ? conditions.apply(TextStrategy.PROBE) : set, estimated);
        });
    }

    private Uni<Long> estimate(ReadStatement explain) {
        return reads.execute(explain)
                .map(rows -> planRows(String.valueOf(rows.iterator().next().getValue(0))));
    }

    static long planRows(String plan) {
        Matcher rows = PLAN_ROWS.matcher(plan);
        return rows.find() ? Long.parseLong(rows.group(1)) : 0;
    }
}
