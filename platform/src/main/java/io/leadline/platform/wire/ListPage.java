package io.leadline.platform.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** Close's list envelope: {@code {"data": [...], "has_more": bool}}, with {@code total_results} where Close has it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListPage<T>(
        @JsonProperty("data") List<T> data,
        @JsonProperty("has_more") boolean hasMore,
        @JsonProperty("total_results") Long totalResults) {

    /**
     * Builds a page from a query that asked for one row more than the limit: that extra row proves there is more,
     * so {@code has_more} is exact without counting.
     */
    public static <T> ListPage<T> fromOverfetch(List<T> rows, int limit) {
        boolean more = rows.size() > limit;
        return new ListPage<>(more ? List.copyOf(rows.subList(0, limit)) : rows, more, null);
    }
}
