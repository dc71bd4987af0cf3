package io.leadline.comments.comment;

import io.leadline.comments.commented.ObjectChanges;
import io.leadline.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Threads follow their objects: when an object moves to another lead its threads do, and when it is deleted (a lead:
 * with everything of it) its threads and comments are deleted with their events. The events name no user or request:
 * the system did it, in answer to the owner's event.
 */
@ApplicationScoped
public class ThreadCascade implements ObjectChanges {

    @Inject
    ThreadRepository threads;

    @Inject
    CommentRepository comments;

    @Inject
    CommentService service;

    @Override
    public Uni<Void> moved(String organizationId, String objectId, String leadId) {
        return threads.moveToLead(organizationId, objectId, leadId);
    }

    @Override
    public Uni<Void> deleted(String organizationId, String objectId, boolean lead) {
        Caller system = new Caller(organizationId, null, null, null, null, null, null, null, 0);
        // The object's lock first: a first comment racing this event either committed its thread before (found
        // here) or waits and then finds the object deleted.
        return threads.lockObject(organizationId, objectId)
                .chain(() -> threads.ofObjectOrLead(organizationId, objectId, lead))
                .chain(found -> deleteEach(system, found));
    }

    /** Locks are taken in thread id order; no other write takes more than one, so none can deadlock with this. */
    private Uni<Void> deleteEach(Caller system, List<CommentThread> found) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (CommentThread thread : found) {
            chain = chain.chain(() -> threads.lockObject(thread.organizationId, thread.objectId))
                    .chain(() -> comments.ofThread(thread.id))
                    .chain(all -> service.deleteThread(system, thread, all));
        }
        return chain;
    }
}
