package io.leadline.platform.read;

/**
 * A condition a resource adds to a list beyond its plain filters (e.g. the task views), written over the table's
 * aliases with every value bound through the given parameters. Answers {@code ""} or {@code " and ..."}.
 */
@FunctionalInterface
public interface SqlCondition {

    SqlCondition NONE = parameters -> "";

    String sql(SqlParameters parameters);
}
