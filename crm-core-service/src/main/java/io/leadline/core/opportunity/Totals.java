package io.leadline.core.opportunity;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigInteger;

/**
 * The aggregates Close adds to an opportunity list (or to one group of it), all money in cents. Sums are unbounded
 * integers (PostgreSQL computes them in {@code numeric}): values are bounded per opportunity, but an organization's
 * totals, annualized, are not, and an overflow would fail every list of the organization.
 */
record Totals(BigInteger count, BigInteger countOneTime, BigInteger countMonthly, BigInteger countAnnual,
              BigInteger valueOneTime, BigInteger valueMonthly, BigInteger valueAnnual,
              BigInteger expectedOneTime, BigInteger expectedMonthly, BigInteger expectedAnnual) {

    private static final BigInteger TWELVE = BigInteger.valueOf(12);

    static final Totals NONE = new Totals(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO,
            BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);

    Totals plus(Totals o) {
        return new Totals(count.add(o.count), countOneTime.add(o.countOneTime), countMonthly.add(o.countMonthly),
                countAnnual.add(o.countAnnual), valueOneTime.add(o.valueOneTime), valueMonthly.add(o.valueMonthly),
                valueAnnual.add(o.valueAnnual), expectedOneTime.add(o.expectedOneTime),
                expectedMonthly.add(o.expectedMonthly), expectedAnnual.add(o.expectedAnnual));
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
        json.put("total_value_annualized", valueOneTime.add(valueMonthly.multiply(TWELVE)).add(valueAnnual));
        json.put("expected_value_one_time", expectedOneTime);
        json.put("expected_value_monthly", expectedMonthly);
        json.put("expected_value_annual", expectedAnnual);
        json.put("expected_value_annualized", expectedOneTime.add(expectedMonthly.multiply(TWELVE)).add(expectedAnnual));
    }
}
