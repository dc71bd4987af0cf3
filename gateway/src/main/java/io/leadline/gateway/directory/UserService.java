package io.leadline.gateway.directory;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.gateway.membership.Membership;
import io.leadline.gateway.membership.MembershipRepository;
import io.leadline.gateway.principal.Principal;
import io.leadline.gateway.user.User;
import io.leadline.gateway.user.UserJson;
import io.leadline.gateway.user.UserRepository;
import io.leadline.platform.wire.CloseException;
import io.leadline.platform.wire.FieldSelection;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The organization's directory: users as other users see them: the members of the caller's organization. An organization's members are few (its
 * sales team), so a page is cut from the sorted members in memory after one query each for memberships and users.
 */
@ApplicationScoped
public class UserService {

    /** What availability reports without a call system: nobody is reachable by phone through Leadline. */
    static final String NO_CALL_SYSTEM_STATUS = "offline";

    @Inject
    MembershipRepository memberships;

    @Inject
    UserRepository users;

    @WithSession
    public Uni<ObjectNode> list(Principal principal, UserListQuery query) {
        return memberships.listByOrganization(principal.organizationId())
                .chain(members -> users.findByIds(members.stream().map(membership -> membership.userId).toList()))
                .map(found -> page(found.stream().sorted(query.order()).toList(), query));
    }

    /** A member of the caller's organization; anyone else, existing or not, is a 404 so ids leak nothing. */
    @WithSession
    public Uni<ObjectNode> get(Principal principal, String userId, FieldSelection fields) {
        return memberships.find(principal.organizationId(), userId)
                .onItem().ifNull().failWith(CloseException::notFound)
                .chain((Membership membership) -> users.findById(membership.userId))
                .onItem().ifNull().failWith(CloseException::notFound)
                .map(user -> fields.apply(UserJson.toJson(user)));
    }

    /**
     * Close's {@code GET /user/availability/}: one entry per active member of the organization. Leadline has no
     * telephony, so nobody is ever on a call: {@code active_calls} is always empty and {@code status} is
     * {@value #NO_CALL_SYSTEM_STATUS}. {@code organization_id}, when given, must be the caller's (any other is a 404).
     */
    @WithSession
    public Uni<ObjectNode> availability(Principal principal, String organizationId) {
        if (organizationId != null && !organizationId.equals(principal.organizationId())) {
            return Uni.createFrom().failure(CloseException.notFound());
        }
        return memberships.listByOrganization(principal.organizationId()).map(members -> {
            ObjectNode page = JsonNodeFactory.instance.objectNode();
            ArrayNode data = page.putArray("data");
            members.forEach(membership -> {
                ObjectNode entry = data.addObject();
                entry.put("user_id", membership.userId);
                entry.put("organization_id", membership.organizationId);
                entry.put("status", NO_CALL_SYSTEM_STATUS);
                entry.putArray("active_calls");
            });
            return page;
        });
    }

    private static ObjectNode page(List<User> sorted, UserListQuery query) {
        ObjectNode page = JsonNodeFactory.instance.objectNode();
        ArrayNode data = page.putArray("data");
        sorted.stream().skip(query.skip()).limit(query.limit())
                .forEach(user -> data.add(query.fields().apply(UserJson.toJson(user))));
        page.put("has_more", sorted.size() > (long) query.skip() + query.limit());
        return page;
    }

    /** Close's two orders; ties (namesakes) by id, so pages never overlap. */
    static Comparator<User> order(boolean lastNameFirst) {
        Comparator<User> first = Comparator.comparing(user -> user.firstName.toLowerCase(Locale.ROOT));
        Comparator<User> last = Comparator.comparing(user -> user.lastName.toLowerCase(Locale.ROOT));
        return (lastNameFirst ? last.thenComparing(first) : first.thenComparing(last))
                .thenComparing(user -> user.id);
    }
}
