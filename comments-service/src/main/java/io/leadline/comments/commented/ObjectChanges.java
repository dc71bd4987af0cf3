package io.leadline.comments.commented;

import io.smallrye.mutiny.Uni;

/**
 * What the comments do when a commented object changes elsewhere: a bean of the comment feature implements it, so
 * the projection depends on no comment code (as crm-core's lead children plug into the lead). Runs inside the
 * consumer's transaction, with the event's dedupe marker.
 */
public interface ObjectChanges {

    /** The object now belongs to {@code leadId} (null: to no lead); threads on it follow. */
    Uni<Void> moved(String organizationId, String objectId, String leadId);

    /** The object is gone; so are the threads on it and, for a lead, the threads on everything of the lead. */
    Uni<Void> deleted(String organizationId, String objectId, boolean lead);
}
