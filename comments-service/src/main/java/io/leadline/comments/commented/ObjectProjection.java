package io.leadline.comments.commented;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Keeps {@code commented_object} from the owners' events (and from their API for an object no event told of yet).
 * An upsert, so the event and the API lookup may race; a deleted object stays deleted, so a late or redelivered
 * {@code updated} never revives it, and an id never changes organization.
 */
@ApplicationScoped
public class ObjectProjection {

    private static final String UPSERT = "insert into commented_object (id, organization_id, object_type, lead_id,"
            + " deleted, date_updated) values (:id, :org, :type, :lead, :deleted, :now)"
            + " on conflict (id) do update set object_type = excluded.object_type, lead_id = excluded.lead_id,"
            + " deleted = excluded.deleted, date_updated = excluded.date_updated"
            + " where not commented_object.deleted and commented_object.organization_id = excluded.organization_id";

    /** The object exists (created, updated, or any other action but deleted). */
    public Uni<Void> exists(String organizationId, String objectType, String objectId, String leadId) {
        return upsert(organizationId, objectType, objectId, leadId, false);
    }

    public Uni<Void> deleted(String organizationId, String objectType, String objectId, String leadId) {
        return upsert(organizationId, objectType, objectId, leadId, true);
    }

    private Uni<Void> upsert(String organizationId, String objectType, String objectId, String leadId,
                             boolean deleted) {
        return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT)
                        .setParameter("id", objectId)
                        .setParameter("org", organizationId)
                        .setParameter("type", objectType)
                        .setParameter("lead", leadId)
                        .setParameter("deleted", deleted)
                        .setParameter("now", Instant.now())
                        .executeUpdate())
                .replaceWithVoid();
    }
}
