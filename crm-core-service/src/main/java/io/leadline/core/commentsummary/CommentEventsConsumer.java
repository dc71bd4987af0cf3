package io.leadline.core.commentsummary;

import io.leadline.platform.events.EventConsumer;
import io.leadline.platform.events.EventConsumers;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.List;
import java.util.Map;

/** comments-service's events, for the opportunities' {@code comment_summary}; other types are acknowledged untouched. */
@ApplicationScoped
public class CommentEventsConsumer {

    static final String CHANNEL = "comments-events-in";

    private final EventConsumer consumer;

    @Inject
    CommentEventsConsumer(EventConsumers consumers, CommentSummaries summaries) {
        consumer = consumers.dispatching(Map.of(
                "comment.created", summaries::commentAdded,
                "comment.deleted", summaries::commentRemoved,
                "comment_thread.deleted", summaries::threadDeleted));
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<List<String>> poll) {
        return consumer.process(poll);
    }
}
