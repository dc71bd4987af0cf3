package io.leadline.gateway.group;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.gateway.principal.Principal;
import io.leadline.platform.events.DomainEvent;
import io.leadline.platform.id.Ids;
import io.leadline.platform.outbox.Outbox;
import io.leadline.platform.wire.CloseDateTimes;
import io.leadline.platform.wire.CloseException;
import io.leadline.platform.wire.FieldSelection;
import io.leadline.platform.wire.RequestBody;
import io.leadline.platform.wire.ValidationException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code /group/}: anyone in the organization reads its groups, admins change them. Every change, members included,
 * is a {@code group.*} event carrying the members, so services can expand group ids in {@code user_id__in}.
 */
@ApplicationScoped
public class GroupService {

    @Inject
    GroupRepository groups;

    @Inject
    GroupMemberRepository members;

    @Inject
    Outbox outbox;

    @WithSession
    public Uni<ObjectNode> list(Principal principal, FieldSelection selection) {
        return groups.listByOrganization(principal.organizationId()).map(found -> {
            ObjectNode page = JsonNodeFactory.instance.objectNode();
            ArrayNode data = page.putArray("data");
            found.forEach(group -> data.add(selection.apply(GroupJson.summary(group))));
            page.put("has_more", false);
            return page;
        });
    }

    @WithSession
    public Uni<ObjectNode> get(Principal principal, String id) {
        return found(principal, id).chain(this::withMembers);
    }

    @WithTransaction
    public Uni<ObjectNode> create(Principal principal, JsonNode body, String requestId) {
        requireAdmin(principal);
        String name = name(body);
        return uniqueName(principal, name, null).chain(() -> {
            UserGroup group = new UserGroup();
            group.id = Ids.longId("group");
            group.organizationId = principal.organizationId();
            group.name = name;
            group.dateCreated = CloseDateTimes.now();
            group.dateUpdated = group.dateCreated;
            ObjectNode json = GroupJson.withMembers(group, List.of());
            return groups.persist(group)
                    .chain(() -> outbox.append(DomainEvent.created(principal.caller(requestId, "POST", "/api/v1/group/"),
                            "group", group.id, null, json)))
                    .replaceWith(json);
        });
    }

    @WithTransaction
    public Uni<ObjectNode> rename(Principal principal, String id, JsonNode body, String requestId) {
        requireAdmin(principal);
        String name = name(body);
        return found(principal, id).chain(group -> uniqueName(principal, name, id)
                .chain(() -> members.userIds(id))
                .chain(userIds -> {
                    ObjectNode before = GroupJson.withMembers(group, userIds);
                    group.name = name;
                    group.dateUpdated = CloseDateTimes.now();
                    ObjectNode after = GroupJson.withMembers(group, userIds);
                    return outbox.append(DomainEvent.updated(principal.caller(requestId, "PUT", path(id)), "group",
                            id, null, before, after)).replaceWith(after);
                }));
    }

    /** Close: members leave the group, not the organization. Smart views naming the group are not checked here. */
    @WithTransaction
    public Uni<Void> delete(Principal principal, String id, String requestId) {
        requireAdmin(principal);
        return found(principal, id).chain(group -> withMembers(group).chain(before -> groups.delete(group)
                .chain(() -> outbox.append(DomainEvent.deleted(principal.caller(requestId, "DELETE", path(id)),
                        "group", id, null, before)))));
    }

    /** Adds an active member of the organization; one already in the group changes nothing (and no event). */
    @WithTransaction
    public Uni<ObjectNode> addMember(Principal principal, String id, JsonNode body, String requestId) {
        requireAdmin(principal);
        RequestBody request = RequestBody.of(body);
        String userId = request.requiredNonBlank("user_id", RequestBody.ID_LENGTH);
        request.throwIfInvalid();
        ObjectNode answer = JsonNodeFactory.instance.objectNode().put("user_id", userId);
        return found(principal, id).chain(group -> members.isOrganizationMember(principal.organizationId(), userId)
                .chain(isMember -> {
                    if (!isMember) {
                        return Uni.createFrom().failure(ValidationException.field("user_id",
                                "Not a member of this organization: " + userId + "."));
                    }
                    return members.find(id, userId).chain(existing -> existing != null
                            ? Uni.createFrom().item(answer)
                            : changeMembers(principal, group, requestId, "POST", path(id) + "member/", userIds -> {
                                GroupMember member = new GroupMember();
                                member.groupId = id;
                                member.userId = userId;
                                member.dateCreated = CloseDateTimes.now();
                                userIds.add(userId);
                                return members.persist(member).replaceWithVoid();
                            }).replaceWith(answer));
                }));
    }

    /** Removes a user from the group; one not in it changes nothing (and no event). */
    @WithTransaction
    public Uni<Void> removeMember(Principal principal, String id, String userId, String requestId) {
        requireAdmin(principal);
        return found(principal, id).chain(group -> members.find(id, userId).chain(existing -> existing == null
                ? Uni.createFrom().voidItem()
                : changeMembers(principal, group, requestId, "DELETE", path(id) + "member/" + userId + "/",
                        userIds -> {
                            userIds.remove(userId);
                            return members.delete(existing);
                        })));
    }

    private interface MemberChange {
        Uni<Void> apply(List<String> userIds);
    }

    /** A membership change as the group's {@code group.updated} event, with {@code members} before and after. */
    private Uni<Void> changeMembers(Principal principal, UserGroup group, String requestId, String method,
                                    String requestPath, MemberChange change) {
        return members.userIds(group.id).chain(userIds -> {
            ObjectNode before = GroupJson.withMembers(group, userIds);
            List<String> changed = new ArrayList<>(userIds);
            return change.apply(changed).chain(() -> {
                group.dateUpdated = CloseDateTimes.now();
                return outbox.append(DomainEvent.updated(principal.caller(requestId, method, requestPath), "group",
                        group.id, null, before, GroupJson.withMembers(group, changed)));
            });
        });
    }

    private Uni<ObjectNode> withMembers(UserGroup group) {
        return members.userIds(group.id).map(userIds -> GroupJson.withMembers(group, userIds));
    }

    private Uni<UserGroup> found(Principal principal, String id) {
        return groups.find(principal.organizationId(), id).onItem().ifNull().failWith(CloseException::notFound);
    }

    private Uni<Void> uniqueName(Principal principal, String name, String exceptId) {
        return groups.nameTaken(principal.organizationId(), name, exceptId).chain(taken -> taken
                ? Uni.createFrom().failure(ValidationException.field("name", "A group with this name already exists."))
                : Uni.createFrom().voidItem());
    }

    private static String name(JsonNode json) {
        RequestBody body = RequestBody.of(json);
        String name = body.requiredNonBlank("name", RequestBody.NAME_LENGTH);
        body.throwIfInvalid();
        return name.strip();
    }

    private static void requireAdmin(Principal principal) {
        if (!principal.isAdmin()) {
            throw CloseException.forbidden("Only admins can manage groups.");
        }
    }

    private static String path(String id) {
        return "/api/v1/group/" + id + "/";
    }
}
