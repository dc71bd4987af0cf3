package io.leadline.comments.commented;

import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.ValidationException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Answers which object a comment is about: one of the caller's organization that exists. Anything else (never seen,
 * another organization's, deleted) is the same 400 field error on {@code object_id}, so an id of another
 * organization can't be told from a made-up one.
 */
@ApplicationScoped
public class CommentableObjects {

    static final String UNKNOWN = "Object not found.";

    /** The object, read in the current transaction; fails with a 400 on {@code object_id} when it can't be commented. */
    public Uni<CommentedObject> require(Caller caller, String objectId) {
        return CommentedObject.<CommentedObject>findById(objectId).map(known -> {
            if (known == null || known.deleted || !known.organizationId.equals(caller.organizationId())) {
                throw ValidationException.field("object_id", UNKNOWN);
            }
            return known;
        });
    }
}
