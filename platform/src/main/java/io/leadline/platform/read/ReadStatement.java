package io.leadline.platform.read;

/** One SQL statement and its bound values, ready for {@link JsonReads}. */
public record ReadStatement(String sql, SqlParameters parameters) {
}
