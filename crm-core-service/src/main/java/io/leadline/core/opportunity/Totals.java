package io.leadline.core.opportunity;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The aggregates Close adds to an opportunity list (or to one group of it), all money in cents. */
record Totals(long count, long countOneTime, long countMonthly, long countAnnual,
              long valueOneTime, long valueMonthly, long valueAnnual,
              long expectedOneTime, long expectedMonthly, long expectedAnnual) {

    static final Totals NONE = new Totals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    Totals plus(Totals o) {
        return new Totals(count + o.count, countOneTime + o.countOneTime, countMonthly + o.countMonthly,
                countAnnual + o.countAnnual, valueOneTime + o.valueOneTime, valueMonthly + o.valueMonthly,
                valueAnnual + o.valueAnnual, expectedOneTime + o.expectedOneTime,
                expectedMonthly + o.expectedMonthly, expectedAnnual + o.expectedAnnual);
    }

    void writeTo(ObjectNode json) {
        json.put("total_results", count);
        ObjectNode byPeriod = json.putObject("count_by_value_period");
        byPeriod.put(Opportunity.ONE_TIME, countOneTime);
        byPeriod.put(Opportunity.MONTHLY, countMonthly);
        byPeriod.put(Opportunity.ANNUAL, countAnnual);
        json.put("total_value_one_time", valueOneTime);
        json.put("total_value_monthly", valueMonthly);
        json.put("total_value_annual", valueAnnual);
        json.put("total_value_annualized", valueOneTime + valueMonthly * 12 + valueAnnual);
        json.put("expected_value_one_time", expectedOneTime);
        json.put("expected_value_monthly", expectedMonthly);
        json.put("expected_value_annual", expectedAnnual);
        json.put("expected_value_annualized", expectedOneTime + expectedMonthly * 12 + expectedAnnual);
    }
}
