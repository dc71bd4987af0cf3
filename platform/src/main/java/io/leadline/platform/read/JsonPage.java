package io.leadline.platform.read;

import java.util.List;

/**
 * A page of objects as PostgreSQL rendered them (JSON texts, never parsed here), whether more follow, and the order
 * key of the last object for a {@link Keyset} read of the next page.
 */
public record JsonPage(List<String> objects, boolean hasMore, List<Object> lastKey) {

    /** Close's list envelope {@code {"data": [...], "has_more": ...}}, assembled from the texts as they are. */
    public String envelope() {
        StringBuilder json = new StringBuilder(64 + objects.stream().mapToInt(String::length).sum() + objects.size());
        json.append("{\"data\": [");
        for (int i = 0; i < objects.size(); i++) {
            if (i > 0) {
                json.append(", ");
            }
            json.append(objects.get(i));
        }
        return json.append("], \"has_more\": ").append(hasMore).append('}').toString();
    }
}
