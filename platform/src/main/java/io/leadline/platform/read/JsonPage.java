package io.leadline.platform.read;

import java.util.List;

/**
 * A page of objects as PostgreSQL rendered them (JSON texts, never parsed here), whether more follow, and the order
 * key of the last object for a {@link Keyset} read of the next page.
 */
public record JsonPage(List<String> objects, boolean hasMore, List<Object> lastKey) {

    /** Close's list envelope {@code {"data": [...], "has_more": ...}}, assembled from the texts as they are. */
    public String envelope() {
        return envelope(null);
    }

    /** The envelope with {@code "total_results": n} (the count of all matches, beyond this page) when given. */
    public String envelope(Long totalResults) {
        StringBuilder json = new StringBuilder(64 + objects.stream().mapToInt(String::length).sum() + objects.size());
        json.append("{\"data\": [");
        for (int i = 0; i < objects.size(); i++) {
            if (i > 0) {
                json.append(", ");
            }
            json.append(objects.get(i));
        }
        json.append("], \"has_more\": ").append(hasMore);
        if (totalResults != null) {
            json.append(", \"total_results\": ").append(totalResults.longValue());
        }
        return json.append('}').toString();
    }
}
