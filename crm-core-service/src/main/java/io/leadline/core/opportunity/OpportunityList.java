package io.leadline.core.opportunity;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.read.ListQuery;
import io.leadline.platform.read.ReadStatement;
import io.leadline.platform.read.SqlCondition;
import io.leadline.platform.read.SqlParameters;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The opportunity list in one statement: the page (one row over, for an exact {@code has_more}) and the aggregates
 * of every match (per group key when grouping), as rows of two kinds in one result. The objects arrive as
 * PostgreSQL's JSON text and are put into the envelope as they are; only the aggregates are built here.
 */
final class OpportunityList {

    private static final String PERIOD = "o.value_period";
    /** Truncated toward zero like {@link Money#expected}; numeric, so no product or sum can leave a bigint's range. */
    private static final String EXPECTED = "div(o.value::numeric * o.confidence, 100)";
    /** Sums per value period: counts, values and confidence-weighted values, in this order. */
    private static final String TOTALS = String.join(", ",
            "count(o.id)::numeric",
            periodSum(Opportunity.ONE_TIME, "1"), periodSum(Opportunity.MONTHLY, "1"), periodSum(Opportunity.ANNUAL, "1"),
            periodSum(Opportunity.ONE_TIME, "o.value"), periodSum(Opportunity.MONTHLY, "o.value"),
            periodSum(Opportunity.ANNUAL, "o.value"),
            periodSum(Opportunity.ONE_TIME, EXPECTED), periodSum(Opportunity.MONTHLY, EXPECTED),
            periodSum(Opportunity.ANNUAL, EXPECTED));
    private static final String NO_TOTALS = String.join(", ", java.util.Collections.nCopies(10, "null::numeric"));
    private static final int FIRST_SUM = 6;

    private OpportunityList() {
    }

    /**
     * Columns: part (0 = page row, 1 = aggregate row), position, object text, user id, user name, date won, then
     * the ten sums of {@link Totals} (aggregate rows only).
     */
    static ReadStatement statement(String organizationId, ListQuery query, SqlCondition custom,
                                   Grouping.Request grouping) {
        SqlParameters parameters = new SqlParameters();
        String json = OpportunityReads.TABLE.json(query.fields(), parameters);
        String where = " from " + OpportunityReads.FROM + " where o.organization_id = " + parameters.bind(organizationId)
                + query.conditions(parameters) + custom.sql(parameters);
        String order = (grouping == null ? "" : grouping.order() + ", ") + query.orderBy();
        String groupKey = grouping == null ? "o.organization_id" : grouping.grouping().sqlKey;
        boolean byUser = grouping != null && grouping.grouping() == Grouping.USER_ID;
        boolean byDate = grouping != null && !byUser;
        String limit = parameters.bind((long) query.limit() + 1);
        String offset = query.skip() > 0 ? " offset " + parameters.bind((long) query.skip()) : "";
        String sql = "with page as (select (" + json + ")::text as body, o.user_id, o.user_name, o.date_won,"
                + " row_number() over (order by " + order + ") as position" + where
                + " order by " + order + " limit " + limit + offset + "),"
                + " totals as (select " + (byUser ? groupKey : "null::text") + " as user_id, max(o.user_name) as user_name, "
                + (byDate ? groupKey : "null::date") + " as date_won, " + TOTALS + where + " group by " + groupKey + ")"
                + " select 0 as part, position, body, user_id, user_name, date_won, " + NO_TOTALS + " from page"
                + " union all select 1, 0, null, totals.* from totals order by 1, 2";
        return new ReadStatement(sql, parameters);
    }

    /** {@code {"data", "has_more", <aggregates>}}; when grouping, {@code data} holds the groups of this page. */
    static String envelope(RowSet<Row> rows, int limit, Grouping.Request grouping) {
        List<PageRow> page = new ArrayList<>();
        Totals totals = Totals.NONE;
        Map<String, Totals> byGroup = new LinkedHashMap<>();
        for (Row row : rows) {
            if (row.getInteger(0) == 0) {
                page.add(new PageRow(row.getString(2), row.getString(3), row.getString(4), row.getLocalDate(5)));
                continue;
            }
            Totals rowTotals = totals(row);
            totals = totals.plus(rowTotals);
            if (grouping != null) {
                Object key = grouping.grouping() == Grouping.USER_ID ? row.getString(3) : row.getLocalDate(5);
                byGroup.merge(grouping.grouping().key(key), rowTotals, Totals::plus);
            }
        }
        boolean hasMore = page.size() > limit;
        List<PageRow> shown = hasMore ? page.subList(0, limit) : page;
        StringBuilder json = new StringBuilder("{\"data\": [");
        if (grouping == null) {
            json.append(String.join(", ", shown.stream().map(PageRow::body).toList()));
        } else {
            appendGroups(json, shown, grouping.grouping(), byGroup);
        }
        json.append("], \"has_more\": ").append(hasMore);
        ObjectNode aggregates = JsonNodeFactory.instance.objectNode();
        totals.writeTo(aggregates);
        return json.append(", ").append(inner(aggregates)).append('}').toString();
    }

    private static void appendGroups(StringBuilder json, List<PageRow> rows, Grouping grouping,
                                     Map<String, Totals> byGroup) {
        String groupKey = null;
        boolean open = false;
        for (PageRow row : rows) {
            String key = grouping.key(row.sample());
            if (open && Objects.equals(key, groupKey)) {
                json.append(", ").append(row.body());
                continue;
            }
            if (open) {
                json.append("]}, ");
            }
            groupKey = key;
            open = true;
            ObjectNode group = JsonNodeFactory.instance.objectNode();
            group.put("key", key);
            grouping.describe(group, row.sample());
            byGroup.getOrDefault(key, Totals.NONE).writeTo(group);
            json.append('{').append(inner(group)).append(", \"objects\": [").append(row.body());
        }
        if (open) {
            json.append("]}");
        }
    }

    /** An object's members without its braces, to continue it with members written as text. */
    private static String inner(ObjectNode object) {
        String text = object.toString();
        return text.substring(1, text.length() - 1);
    }

    private static Totals totals(Row row) {
        BigInteger[] v = new BigInteger[10];
        for (int i = 0; i < v.length; i++) {
            BigDecimal cell = row.getBigDecimal(FIRST_SUM + i);
            v[i] = cell == null ? BigInteger.ZERO : cell.toBigIntegerExact();
        }
        return new Totals(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]);
    }

    private static String periodSum(String period, String expression) {
        return "coalesce(sum(case when " + PERIOD + " = '" + period + "' then (" + expression + ")::numeric else 0 end), 0)";
    }

    private record PageRow(String body, String userId, String userName, LocalDate dateWon) {
        Grouping.Sample sample() {
            return new Grouping.Sample(userId, userName, dateWon);
        }
    }
}
