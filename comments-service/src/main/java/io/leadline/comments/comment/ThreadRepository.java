package io.leadline.comments.comment;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class ThreadRepository implements PanacheRepositoryBase<CommentThread, String> {

    public Uni<CommentThread> ofObject(String organizationId, String objectId) {
        return find("organizationId = :org and objectId = :object",
                Parameters.with("org", organizationId).and("object", objectId)).firstResult();
    }

    /** The threads on an object, or for a lead also those on everything of the lead. */
    public Uni<List<CommentThread>> ofObjectOrLead(String organizationId, String objectId, boolean lead) {
        String query = lead
                ? "organizationId = :org and (objectId = :object or leadId = :object) order by id"
                : "organizationId = :org and objectId = :object";
        return find(query, Parameters.with("org", organizationId).and("object", objectId)).list();
    }

    /**
     * Serialises every write on one object's thread (the first comment creating it, the last removal deleting it)
     * until the transaction ends. A transaction-level advisory lock, because the thread row may not exist yet.
     */
    public Uni<Void> lockObject(String organizationId, String objectId) {
        return getSession().chain(session -> session.createNativeQuery(
                                "select 1 from (select pg_advisory_xact_lock(hashtextextended(:key, 0))) locked",
                                Integer.class)
                        .setParameter("key", organizationId + "/" + objectId)
                        .getSingleResult())
                .replaceWithVoid();
    }

    /** The threads (and their comments) on an object now belong to {@code leadId}; reads take it from the columns. */
    public Uni<Void> moveToLead(String organizationId, String objectId, String leadId) {
        return getSession().chain(session -> session.createNativeQuery(
                                "update comment_thread set lead_id = :lead where organization_id = :org"
                                        + " and object_id = :object and lead_id is distinct from :lead")
                        .setParameter("org", organizationId)
                        .setParameter("object", objectId)
                        .setParameter("lead", leadId)
                        .executeUpdate()
                        .chain(moved -> moved == 0 ? Uni.createFrom().item(0) : session.createNativeQuery(
                                        "update comment set lead_id = :lead where organization_id = :org"
                                                + " and object_id = :object")
                                .setParameter("org", organizationId)
                                .setParameter("object", objectId)
                                .setParameter("lead", leadId)
                                .executeUpdate()))
                .replaceWithVoid();
    }
}
