package io.leadline.core.user;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The users of each organization, as far as crm-core knows them: from the gateway's {@code membership.activated}
 * events (table {@code organization_user}). Used to accept a user's name where Close does (values of {@code user}
 * custom fields); user ids are never checked against it, since a new member's event may still be on its way.
 */
@ApplicationScoped
public class OrganizationUsers {

    /** A name two users of the organization share: it names neither. */
    public static final String AMBIGUOUS = "";

    /** Records (or refreshes) a member from its {@code membership.activated} event, in the consumer's transaction. */
    public Uni<Void> record(String organizationId, String userId, String fullName, String email) {
        if (organizationId == null || userId == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                                "insert into organization_user (organization_id, user_id, full_name, email, name_key)"
                                        + " values (:org, :user, :name, :email, :key) on conflict (organization_id, user_id)"
                                        + " do update set full_name = excluded.full_name, email = excluded.email,"
                                        + " name_key = excluded.name_key")
                        .setParameter("org", organizationId)
                        .setParameter("user", userId)
                        .setParameter("name", blankToNull(fullName))
                        .setParameter("email", blankToNull(email))
                        .setParameter("key", fullName == null || fullName.isBlank() ? null : key(fullName))
                        .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * The user ids of {@code names} (each matched ignoring case and surrounding spaces), by one query in the current
     * session, keyed by the lower-case trimmed name: {@link #AMBIGUOUS} where two users share the name; absent where
     * nobody has it.
     */
    public Uni<Map<String, String>> idsByName(String organizationId, Collection<String> names) {
        List<String> keys = names.stream().map(OrganizationUsers::key).distinct().toList();
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                                "select name_key, user_id from organization_user"
                                        + " where organization_id = :org and name_key in (:names)",
                                Object[].class)
                        .setParameter("org", organizationId)
                        .setParameter("names", keys)
                        .getResultList())
                .map(rows -> {
                    Map<String, String> ids = new HashMap<>();
                    for (Object[] row : rows) {
                        ids.merge((String) row[0], (String) row[1], (first, second) -> AMBIGUOUS);
                    }
                    return ids;
                });
    }

    /** How a name is looked up: trimmed, ignoring case. */
    public static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
