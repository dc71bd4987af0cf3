package io.leadline.platform.group;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.platform.events.ConsumedEvent;
import io.leadline.platform.events.EventHandler;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A service's {@code group_member} projection ({@code organization_id, group_id, user_id}), kept from the gateway's
 * {@code group.*} events, which carry the group's whole member list: a group created or updated replaces its rows, a
 * deleted one loses them. List filters made with {@code ReadTable.Builder.userFilter} read it to expand group ids.
 * Add {@link #HANDLERS} to the service's gateway-events consumer.
 */
public final class GroupMembers {

    public static final Map<String, EventHandler> HANDLERS = Map.of(
            "group.created", GroupMembers::replace,
            "group.updated", GroupMembers::replace,
            "group.deleted", GroupMembers::remove);

    private GroupMembers() {
    }

    private static Uni<Void> replace(ConsumedEvent event) {
        List<String> userIds = new ArrayList<>();
        JsonNode data = event.data();
        if (data != null) {
            data.path("members").forEach(member -> {
                // ids are joined with commas below, so one containing a comma (none the gateway makes) is left out
                if (member.path("user_id").isTextual() && !member.path("user_id").asText().contains(",")) {
                    userIds.add(member.path("user_id").asText());
                }
            });
        }
        return remove(event).chain(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                                "insert into group_member (organization_id, group_id, user_id)"
                                        + " select distinct :org, :group,"
                                        + " unnest(string_to_array(cast(:users as text), ','))")
                        .setParameter("org", event.organizationId())
                        .setParameter("group", event.objectId())
                        .setParameter("users", String.join(",", userIds))
                        .executeUpdate()))
                .replaceWithVoid();
    }

    private static Uni<Void> remove(ConsumedEvent event) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                                "delete from group_member where organization_id = :org and group_id = :group")
                        .setParameter("org", event.organizationId())
                        .setParameter("group", event.objectId())
                        .executeUpdate())
                .replaceWithVoid();
    }
}
