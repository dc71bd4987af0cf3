package io.leadline.comments.comment;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class CommentRepository implements PanacheRepositoryBase<Comment, String> {

    public Uni<Comment> findInOrganization(String organizationId, String id) {
        return find("id = :id and organizationId = :org", Parameters.with("id", id).and("org", organizationId))
                .firstResult();
    }

    /** A thread's comments in the order they were written. */
    public Uni<List<Comment>> ofThread(String threadId) {
        return find("threadId", Sort.by("dateCreated").and("id"), threadId).list();
    }

    /** The object a comment is on, read without loading the entity (to lock the object before loading). */
    public Uni<String> objectIdOf(String organizationId, String id) {
        return getSession().chain(session -> session.createNativeQuery(
                                "select object_id from comment where organization_id = :org and id = :id", String.class)
                        .setParameter("org", organizationId)
                        .setParameter("id", id)
                        .getResultList())
                .map(ids -> ids.isEmpty() ? null : ids.get(0));
    }
}
