package io.leadline.platform.read;

import io.leadline.platform.wire.FieldSelection;

import java.util.List;

/**
 * The statements of the read path: one object, or one page of a list, each a single SQL statement that renders the
 * objects' wire form (with {@code _fields} applied) in PostgreSQL. Every statement is scoped to the organization.
 */
public final class ReadStatements {

    private ReadStatements() {
    }

    /** {@code select <wire form>::text from ... where org = $ and id = $}: no row means 404. */
    public static ReadStatement one(ReadTable table, String organizationId, String id, FieldSelection fields) {
        SqlParameters parameters = new SqlParameters();
        String json = table.json(fields, parameters);
        String sql = "select (" + json + ")::text from " + table.from()
                + " where " + table.organizationColumn() + " = " + parameters.bind(organizationId)
                + " and " + table.idColumn() + " = " + parameters.bind(id);
        return new ReadStatement(sql, parameters);
    }

    /**
     * One page plus one row (so {@code has_more} is exact without counting): each row is the object's text followed
     * by the values of the order's expressions. With {@code after}, the page starts behind that key (keyset paging);
     * otherwise at {@code _skip}.
     */
    public static ReadStatement page(ReadTable table, String organizationId, ListQuery query, SqlCondition extra,
                                     Keyset after) {
        SqlParameters parameters = new SqlParameters();
        String json = table.json(query.fields(), parameters);
        List<ListQuery.Order> order = query.order();
        StringBuilder sql = new StringBuilder("select (").append(json).append(")::text");
        order.forEach(item -> sql.append(", ").append(item.expression()));
        sql.append(" from ").append(table.from())
                .append(" where ").append(table.organizationColumn()).append(" = ").append(parameters.bind(organizationId))
                .append(query.conditions(parameters))
                .append(extra.sql(parameters));
        if (after != null) {
            sql.append(after.condition(order, parameters));
        }
        sql.append(" order by ").append(query.orderBy())
                .append(" limit ").append(parameters.bind((long) query.limit() + 1));
        if (after == null && query.skip() > 0) {
            sql.append(" offset ").append(parameters.bind((long) query.skip()));
        }
        return new ReadStatement(sql.toString(), parameters);
    }

    /**
     * How many objects of the organization match the query's filters and {@code extra}, ignoring paging, stopped at
     * {@code upTo}: for lists that answer {@code total_results} (a lead search), whose cost must stay bounded by the
     * matches it visits (a search's larger totals come from {@link #estimate}).
     */
    public static ReadStatement countUpTo(ReadTable table, String organizationId, ListQuery query, SqlCondition extra,
                                          long upTo) {
        SqlParameters parameters = new SqlParameters();
        String sql = "select count(*) from (select 1 from " + table.from()
                + matching(table, organizationId, query, extra, parameters)
                + " limit " + parameters.bind(upTo) + ") counted";
        return new ReadStatement(sql, parameters);
    }

    /**
     * PostgreSQL's estimate of that count, without running it: one row holding the plan as JSON, whose first
     * {@code "Plan Rows"} is the estimated number of matches.
     */
    public static ReadStatement estimate(ReadTable table, String organizationId, ListQuery query, SqlCondition extra) {
        SqlParameters parameters = new SqlParameters();
        String sql = "explain (format json) select 1 from " + table.from()
                + matching(table, organizationId, query, extra, parameters);
        return new ReadStatement(sql, parameters);
    }

    private static String matching(ReadTable table, String organizationId, ListQuery query, SqlCondition extra,
                                   SqlParameters parameters) {
        return " where " + table.organizationColumn() + " = " + parameters.bind(organizationId)
                + query.conditions(parameters)
                + extra.sql(parameters);
    }
}
