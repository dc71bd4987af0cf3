package io.leadline.comments.member;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The users of each organization, as far as this service knows them: from the gateway's {@code membership.activated}
 * events, and every user who has called this service on the organization's behalf (the gateway vouched for them).
 * Mentions are checked against it.
 */
@ApplicationScoped
public class OrganizationUsers {

    public Uni<Void> record(String organizationId, String userId) {
        if (userId == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                                "insert into organization_user (organization_id, user_id) values (:org, :user)"
                                        + " on conflict do nothing")
                        .setParameter("org", organizationId)
                        .setParameter("user", userId)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** Those of {@code userIds} that are not known users of the organization. */
    public Uni<Set<String>> strangers(String organizationId, Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        List<String> ids = List.copyOf(new HashSet<>(userIds));
        return Panache.getSession().chain(session -> session.createNativeQuery(
                                "select user_id from organization_user where organization_id = :org and user_id in (:ids)",
                                String.class)
                        .setParameter("org", organizationId)
                        .setParameter("ids", ids)
                        .getResultList())
                .map(members -> {
                    Set<String> strangers = new HashSet<>(ids);
                    members.forEach(strangers::remove);
                    return strangers;
                });
    }
}
