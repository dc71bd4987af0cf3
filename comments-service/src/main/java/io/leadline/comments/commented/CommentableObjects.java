package io.leadline.comments.commented;

import io.leadline.platform.owner.OwnedObject;
import io.leadline.platform.owner.OwnerApi;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.ValidationException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Answers which object a comment is about: one of the caller's organization that exists. Known from the owners'
 * events ({@link ObjectProjection}); an id no event told of yet (a comment right after the object's create) is asked
 * of its owner with the caller's token, and the answer recorded. Anything else (unknown, another organization's,
 * deleted) is the same 400 field error on {@code object_id}, so another organization's id can't be told from a
 * made-up one. An owner that can't answer is a 503 (platform's {@link OwnerApi}).
 */
@ApplicationScoped
public class CommentableObjects {

    static final String UNKNOWN = "Object not found.";
    private static final Pattern ID_SHAPE = Pattern.compile("[a-z]+_[A-Za-z0-9]+");

    @Inject
    OwnerApi owners;

    @Inject
    ObjectProjection projection;

    /** The object, read in the current transaction; fails with a 400 on {@code object_id} when it can't be commented. */
    public Uni<CommentedObject> require(Caller caller, String internalToken, String objectId) {
        return CommentedObject.<CommentedObject>findById(objectId).chain(known -> {
            if (known != null) {
                if (known.deleted || !known.organizationId.equals(caller.organizationId())) {
                    throw unknown();
                }
                return Uni.createFrom().item(known);
            }
            // Only something shaped like an id is worth a call (and can be put in the owner's URL as it is).
            if (!ID_SHAPE.matcher(objectId).matches()) {
                throw unknown();
            }
            return owners.find(objectId, internalToken).chain(found -> learn(caller, found));
        });
    }

    private Uni<CommentedObject> learn(Caller caller, Optional<OwnedObject> found) {
        if (found.isEmpty() || !caller.organizationId().equals(found.get().organizationId())) {
            throw unknown();
        }
        OwnedObject owned = found.get();
        CommentedObject object = new CommentedObject();
        object.id = owned.id();
        object.organizationId = owned.organizationId();
        object.objectType = owned.objectType();
        object.leadId = owned.leadId();
        object.dateUpdated = Instant.now();
        return projection.exists(object.organizationId, object.objectType, object.id, object.leadId).replaceWith(object);
    }

    private static ValidationException unknown() {
        return ValidationException.field("object_id", UNKNOWN);
    }
}
