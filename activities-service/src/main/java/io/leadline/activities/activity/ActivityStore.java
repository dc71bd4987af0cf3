package io.leadline.activities.activity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.activities.leads.LeadReferences;
import io.leadline.platform.events.DomainEvent;
import io.leadline.platform.id.Ids;
import io.leadline.platform.outbox.Outbox;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.CloseDateTimes;
import io.leadline.platform.wire.CloseException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * The write path every activity type shares: check the body and its lead/contact references (all errors in one
 * 400, nothing written), change the entity, and append its event to the outbox in the same transaction. Callers
 * run it inside {@code @WithTransaction}.
 */
@ApplicationScoped
public class ActivityStore {

    @Inject
    LeadReferences references;

    @Inject
    Outbox outbox;

    /** Persists {@code activity}, whose own fields the caller has set, with the body's common fields. */
    public <T extends Activity> Uni<T> create(Caller caller, T activity, ActivityBaseInput base) {
        return references.check(caller, base.internalToken, base.leadId.value(), base.contactId.value(), base.body.errors())
                .chain(() -> {
                    base.body.throwIfInvalid();
                    Instant now = CloseDateTimes.now();
                    activity.id = Ids.longId("acti");
                    base.applyOnCreate(activity, caller, now);
                    return Panache.getSession().chain(session -> session.persist(activity))
                            .chain(() -> outbox.append(DomainEvent.created(caller, activity.type().eventObjectType(),
                                    activity.id, activity.leadId, activity.toJson())))
                            .replaceWith(activity);
                });
    }

    /**
     * Records an activity the system derived from another service's change (a lead's creation, a status change): its
     * lead is known from that change, so nothing is checked. {@code happenedAt} becomes its activity_at.
     */
    public <T extends Activity> Uni<T> record(Caller caller, T activity, Instant happenedAt) {
        Instant now = CloseDateTimes.now();
        activity.id = Ids.longId("acti");
        activity.recordCreation(caller, now);
        if (happenedAt != null) {
            activity.activityAt = happenedAt;
        }
        return Panache.getSession().chain(session -> session.persist(activity))
                .chain(() -> outbox.append(DomainEvent.created(caller, activity.type().eventObjectType(), activity.id,
                        activity.leadId, activity.toJson())))
                .replaceWith(activity);
    }

    /**
     * Applies the body's common fields and {@code changes} to the caller's activity of {@code type}; 404 when the
     * organization has none with this id. Records an update event unless nothing but bookkeeping changed.
     */
    public <T extends Activity> Uni<T> update(Caller caller, Class<T> type, String id, ActivityBaseInput base,
                                              Consumer<T> changes) {
        return find(caller, type, id).chain(activity -> references
                .check(caller, base.internalToken, base.leadIdFor(activity), base.contactIdFor(activity), base.body.errors())
                .chain(() -> {
                    base.body.throwIfInvalid();
                    ObjectNode before = activity.toJson();
                    base.applyOnUpdate(activity);
                    changes.accept(activity);
                    activity.touch(caller, CloseDateTimes.now());
                    return outbox.append(DomainEvent.updated(caller, activity.type().eventObjectType(), activity.id,
                            activity.leadId, before, activity.toJson())).replaceWith(activity);
                }));
    }

    /** Deletes the caller's activity of {@code type} with its event; 404 when the organization has none. */
    public <T extends Activity> Uni<Void> delete(Caller caller, Class<T> type, String id) {
        return find(caller, type, id).chain(activity -> Panache.getSession()
                .chain(session -> session.remove(activity))
                .chain(() -> outbox.append(DomainEvent.deleted(caller, activity.type().eventObjectType(), activity.id,
                        activity.leadId, activity.toJson()))));
    }

    /** The caller's activity of {@code type} (locked for the change); 404 for another type or organization. */
    public <T extends Activity> Uni<T> find(Caller caller, Class<T> type, String id) {
        return Panache.getSession().chain(session -> session
                        .createSelectionQuery("from " + type.getSimpleName() + " where id = :id and organizationId = :org", type)
                        .setParameter("id", id)
                        .setParameter("org", caller.organizationId())
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                        .getSingleResultOrNull())
                .onItem().ifNull().failWith(CloseException::notFound);
    }
}
