package io.leadline.core.opportunity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A page of opportunities with the aggregates of all matches, overall and per group key. */
record OpportunityPage(List<OpportunityView> views, boolean hasMore, Totals totals, Map<String, Totals> groupTotals,
                       Grouping.Request grouping) {

    static OpportunityPage of(List<OpportunityView> rows, int limit, List<Object[]> totalRows, Grouping.Request grouping) {
        boolean more = rows.size() > limit;
        List<OpportunityView> views = more ? rows.subList(0, limit) : rows;
        Totals totals = Totals.NONE;
        // LinkedHashMap allows the null key of the group of opportunities never won.
        Map<String, Totals> byGroup = new LinkedHashMap<>();
        for (Object[] row : totalRows) {
            Totals rowTotals = Totals.fromRow(row, 2);
            totals = totals.plus(rowTotals);
            if (grouping != null) {
                byGroup.merge(grouping.grouping().key(row[0]), rowTotals, Totals::plus);
            }
        }
        return new OpportunityPage(views, more, totals, byGroup, grouping);
    }
}
