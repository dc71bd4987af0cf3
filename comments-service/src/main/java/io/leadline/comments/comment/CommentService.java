package io.leadline.comments.comment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.comments.commented.CommentableObjects;
import io.leadline.comments.commented.CommentedObject;
import io.leadline.comments.member.OrganizationUsers;
import io.leadline.comments.richtext.CommentBody;
import io.leadline.platform.events.DomainEvent;
import io.leadline.platform.id.Ids;
import io.leadline.platform.outbox.Outbox;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.CloseDateTimes;
import io.leadline.platform.wire.CloseException;
import io.leadline.platform.wire.ValidationException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writing comments. Every write on one object's thread holds that object's lock ({@link ThreadRepository#lockObject})
 * for its transaction, so two first comments make one thread, and a removal that empties the thread can't race a new
 * comment into it.
 */
@ApplicationScoped
public class CommentService {

    static final String COMMENT = "comment";
    static final String THREAD = "comment_thread";

    @Inject
    CommentRepository comments;

    @Inject
    ThreadRepository threads;

    @Inject
    CommentableObjects objects;

    @Inject
    OrganizationUsers users;

    @Inject
    Outbox outbox;

    @WithTransaction
    public Uni<Comment> create(Caller caller, String internalToken, CommentInput input) {
        input.request.throwIfInvalid();
        return users.record(caller.organizationId(), caller.userId())
                .chain(() -> checkMentions(caller, input.body))
                .chain(() -> threads.lockObject(caller.organizationId(), input.objectId))
                .chain(() -> objects.require(caller, internalToken, input.objectId))
                .chain(object -> threads.ofObject(caller.organizationId(), object.id)
                        .chain(existing -> existing != null
                                ? addComment(caller, existing, input.body, List.of())
                                : newThread(caller, object, input.body)));
    }

    private Uni<Comment> newThread(Caller caller, CommentedObject object, CommentBody body) {
        CommentThread thread = new CommentThread();
        thread.id = Ids.shortId("cmth");
        thread.organizationId = caller.organizationId();
        thread.objectId = object.id;
        thread.objectType = object.objectType;
        thread.leadId = object.leadId;
        thread.createdBy = caller.userId();
        thread.dateCreated = CloseDateTimes.now();
        return threads.persist(thread).chain(() -> addComment(caller, thread, body, List.of(thread)));
    }

    /** Adds the comment; for a new thread its event comes first, with the comment in it. */
    private Uni<Comment> addComment(Caller caller, CommentThread thread, CommentBody body, List<CommentThread> created) {
        Instant now = CloseDateTimes.now();
        Comment comment = new Comment();
        comment.id = Ids.shortId("comm");
        comment.organizationId = thread.organizationId;
        comment.threadId = thread.id;
        comment.objectId = thread.objectId;
        comment.objectType = thread.objectType;
        comment.leadId = thread.leadId;
        write(comment, body);
        comment.createdBy = caller.userId();
        comment.dateCreated = now;
        comment.updatedBy = caller.userId();
        comment.dateUpdated = now;
        List<DomainEvent> events = new ArrayList<>();
        created.forEach(newThread -> events.add(DomainEvent.created(caller, THREAD, newThread.id, newThread.leadId,
                ThreadJson.toJson(newThread, List.of(comment)))));
        events.add(DomainEvent.created(caller, COMMENT, comment.id, comment.leadId, CommentJson.toJson(comment)));
        return comments.persist(comment).chain(() -> outbox.appendAll(events)).replaceWith(comment);
    }

    /** Only the author may edit a comment (Close); a removed comment has nothing left to edit. */
    @WithTransaction
    public Uni<Comment> update(Caller caller, String id, CommentInput input) {
        return lockedComment(caller, id).chain(comment -> {
            if (!Objects.equals(comment.createdBy, caller.userId())) {
                throw CloseException.forbidden("Only the author can edit a comment.");
            }
            input.request.throwIfInvalid();
            if (comment.removed) {
                throw ValidationException.of("This comment was removed.");
            }
            return checkMentions(caller, input.body).chain(() -> {
                ObjectNode before = CommentJson.toJson(comment);
                write(comment, input.body);
                comment.updatedBy = caller.userId();
                comment.dateUpdated = CloseDateTimes.now();
                return outbox.append(DomainEvent.updated(caller, COMMENT, comment.id, comment.leadId, before,
                        CommentJson.toJson(comment))).replaceWith(comment);
            });
        });
    }

    /**
     * Removes a comment: its body is blanked and {@code comment.deleted} recorded; the comment stays in its thread
     * until every comment of the thread is removed, and then the thread goes with all of them
     * ({@code comment_thread.deleted}). Who may: the author, or an organization admin (as for activities).
     * Removing a removed comment changes nothing.
     */
    @WithTransaction
    public Uni<Void> remove(Caller caller, String id) {
        return lockedComment(caller, id).chain(comment -> {
            if (!Objects.equals(comment.createdBy, caller.userId()) && !caller.isAdmin()) {
                throw CloseException.forbidden("Only the author or an admin can remove a comment.");
            }
            if (comment.removed) {
                return Uni.createFrom().voidItem();
            }
            ObjectNode before = CommentJson.toJson(comment);
            comment.removed = true;
            comment.body = "";
            comment.bodyText = "";
            comment.updatedBy = caller.userId();
            comment.dateUpdated = CloseDateTimes.now();
            return outbox.append(DomainEvent.deleted(caller, COMMENT, comment.id, comment.leadId, before))
                    .chain(() -> comments.ofThread(comment.threadId))
                    .chain(all -> all.stream().allMatch(each -> each.removed)
                            ? threads.findById(comment.threadId).chain(thread -> deleteThread(caller, thread, all))
                            : Uni.createFrom().voidItem());
        });
    }

    /**
     * Deletes a thread with its comments: {@code comment.deleted} for each comment not removed before, then
     * {@code comment_thread.deleted} with the thread as it was. The caller must hold the object's lock.
     */
    Uni<Void> deleteThread(Caller caller, CommentThread thread, List<Comment> all) {
        List<DomainEvent> events = new ArrayList<>();
        all.stream().filter(comment -> !comment.removed).forEach(comment -> events.add(
                DomainEvent.deleted(caller, COMMENT, comment.id, comment.leadId, CommentJson.toJson(comment))));
        events.add(DomainEvent.deleted(caller, THREAD, thread.id, thread.leadId, ThreadJson.toJson(thread, all)));
        Uni<Void> deleteComments = Uni.createFrom().voidItem();
        for (Comment comment : all) {
            deleteComments = deleteComments.chain(() -> comments.delete(comment));
        }
        return deleteComments.chain(() -> threads.delete(thread)).chain(() -> outbox.appendAll(events));
    }

    /** The caller's organization's comment, loaded after its object's lock is taken; 404 otherwise. */
    private Uni<Comment> lockedComment(Caller caller, String id) {
        return comments.objectIdOf(caller.organizationId(), id).chain(objectId -> {
            if (objectId == null) {
                throw CloseException.notFound();
            }
            return threads.lockObject(caller.organizationId(), objectId)
                    .chain(() -> comments.findInOrganization(caller.organizationId(), id))
                    .onItem().ifNull().failWith(CloseException::notFound);
        });
    }

    /** A mention of a user outside the caller's organization is a 400 on {@code body}. */
    private Uni<Void> checkMentions(Caller caller, CommentBody body) {
        return users.strangers(caller.organizationId(), body.mentionedUsers()).map(strangers -> {
            if (!strangers.isEmpty()) {
                Set<String> sorted = new TreeSet<>(strangers);
                throw ValidationException.field("body", "Mentioned users are not in this organization: "
                        + String.join(", ", sorted) + ".");
            }
            return null;
        }).replaceWithVoid();
    }

    private static void write(Comment comment, CommentBody body) {
        comment.body = body.html();
        comment.bodyText = body.text();
    }
}
