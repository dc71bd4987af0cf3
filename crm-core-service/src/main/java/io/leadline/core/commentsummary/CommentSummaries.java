package io.leadline.core.commentsummary;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.platform.events.ConsumedEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps {@code comment_summary} from comments-service's events. Each comment has exactly one {@code comment.created}
 * and at most one {@code comment.deleted} (a removal, or its thread's deletion), and the platform consumer applies
 * each event once, so counting them is exact. The thread comes from each comment's {@code thread_id}, so a summary
 * never waits for a {@code comment_thread.created}.
 */
@ApplicationScoped
public class CommentSummaries {

    Uni<Void> commentAdded(ConsumedEvent event) {
        return execute("insert into comment_summary (object_id, organization_id, thread_id, comment_count)"
                + " values (:object, :org, :thread, 1)"
                + " on conflict (organization_id, object_id) do update set thread_id = excluded.thread_id,"
                + " comment_count = case when comment_summary.thread_id = excluded.thread_id"
                + " then comment_summary.comment_count + 1 else 1 end", event);
    }

    Uni<Void> commentRemoved(ConsumedEvent event) {
        return execute("update comment_summary set comment_count = greatest(comment_count - 1, 0)"
                + " where object_id = :object and organization_id = :org and thread_id = :thread", event);
    }

    Uni<Void> threadDeleted(ConsumedEvent event) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                                "delete from comment_summary where thread_id = :thread and organization_id = :org")
                        .setParameter("thread", event.objectId())
                        .setParameter("org", event.organizationId())
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** A comment's event: its data (or, for a deletion, its last state) names its object and thread. */
    private static Uni<Void> execute(String sql, ConsumedEvent event) {
        JsonNode data = event.data();
        JsonNode comment = data != null && data.isObject() ? data : event.json().path("previous_data");
        String objectId = comment.path("object_id").asText(null);
        String threadId = comment.path("thread_id").asText(null);
        if (objectId == null || threadId == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(sql)
                        .setParameter("object", objectId)
                        .setParameter("org", event.organizationId())
                        .setParameter("thread", threadId)
                        .executeUpdate())
                .replaceWithVoid();
    }
}
