package io.leadline.gateway.role;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.gateway.principal.Principal;
import io.leadline.gateway.principal.PrincipalChanged;
import io.leadline.platform.events.DomainEvent;
import io.leadline.platform.id.Ids;
import io.leadline.platform.outbox.Outbox;
import io.leadline.platform.wire.CloseDateTimes;
import io.leadline.platform.wire.CloseException;
import io.leadline.platform.wire.ValidationException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.util.Map;

/** {@code /role/}: the built-in roles (read-only) and the organization's custom ones, which only admins change. */
@ApplicationScoped
public class RoleService {

    static final String BUILT_IN_READ_ONLY = "Built-in roles can't be changed or deleted.";

    @Inject
    RoleRepository roles;

    @Inject
    Outbox outbox;

    @WithSession
    public Uni<ObjectNode> list(Principal principal) {
        return roles.listByOrganization(principal.organizationId()).map(custom -> {
            ArrayNode data = JsonNodeFactory.instance.arrayNode();
            BuiltInRoles.IDS.forEach(id -> data.add(RoleJson.builtIn(id, principal.organizationId())));
            custom.forEach(role -> data.add(RoleJson.custom(role)));
            ObjectNode page = JsonNodeFactory.instance.objectNode();
            page.set("data", data);
            page.put("has_more", false);
            return page;
        });
    }

    @WithSession
    public Uni<ObjectNode> get(Principal principal, String id) {
        if (BuiltInRoles.isBuiltIn(id)) {
            return Uni.createFrom().item(RoleJson.builtIn(id, principal.organizationId()));
        }
        return found(principal, id).map(RoleJson::custom);
    }

    /** Whether members of the caller's organization may be given this role id. */
    @WithSession
    public Uni<Boolean> assignable(String organizationId, String id) {
        if (BuiltInRoles.isBuiltIn(id)) {
            return Uni.createFrom().item(true);
        }
        return roles.find(organizationId, id).map(role -> role != null);
    }

    @WithTransaction
    public Uni<ObjectNode> create(Principal principal, JsonNode body, String requestId) {
        requireAdmin(principal);
        RoleDefinition definition = RoleInput.read(body, null);
        return uniqueName(principal, definition.name(), null).chain(() -> {
            Role role = new Role();
            role.id = Ids.longId("role");
            role.organizationId = principal.organizationId();
            definition.applyTo(role);
            role.dateCreated = CloseDateTimes.now();
            role.dateUpdated = role.dateCreated;
            ObjectNode json = RoleJson.custom(role);
            return roles.persist(role)
                    .chain(() -> outbox.append(DomainEvent.created(principal.caller(requestId, "POST", "/api/v1/role/"),
                            "role", role.id, null, json)))
                    .replaceWith(json);
        });
    }

    @Inject
    Event<PrincipalChanged> principalChanges;

    /**
     * Changes a custom role. Its permissions travel in every holder's principal, which the edge caches, so once the
     * change is committed each holder's principals are dropped: their next request carries the new permissions.
     */
    public Uni<ObjectNode> update(Principal principal, String id, JsonNode body, String requestId) {
        requireAdmin(principal);
        requireCustom(id);
        return Panache.withTransaction(() -> changed(principal, id, body, requestId)
                        .chain(after -> roles.holders(principal.organizationId(), id)
                                .map(holders -> Map.entry(after, holders))))
                .invoke(updated -> updated.getValue().forEach(userId -> principalChanges.fire(
                        new PrincipalChanged(principal.organizationId(), userId))))
                .map(Map.Entry::getKey);
    }

    private Uni<ObjectNode> changed(Principal principal, String id, JsonNode body, String requestId) {
        return found(principal, id).chain(role -> {
            RoleDefinition definition = RoleInput.read(body, RoleDefinition.of(role));
            return uniqueName(principal, definition.name(), id).chain(() -> {
                ObjectNode before = RoleJson.custom(role);
                definition.applyTo(role);
                role.dateUpdated = CloseDateTimes.now();
                ObjectNode after = RoleJson.custom(role);
                return outbox.append(DomainEvent.updated(principal.caller(requestId, "PUT", path(id)), "role", id,
                        null, before, after)).replaceWith(after);
            });
        });
    }

    @WithTransaction
    public Uni<ObjectNode> delete(Principal principal, String id, String requestId) {
        requireAdmin(principal);
        requireCustom(id);
        return found(principal, id).chain(role -> roles.inUse(principal.organizationId(), id).chain(inUse -> {
            if (inUse) {
                return Uni.createFrom().failure(new CloseException(400,
                        "This role is still assigned to members; give them another role first."));
            }
            ObjectNode before = RoleJson.custom(role);
            return roles.delete(role)
                    .chain(() -> outbox.append(DomainEvent.deleted(principal.caller(requestId, "DELETE", path(id)),
                            "role", id, null, before)))
                    .replaceWith(JsonNodeFactory.instance.objectNode());
        }));
    }

    private Uni<Role> found(Principal principal, String id) {
        return roles.find(principal.organizationId(), id).onItem().ifNull().failWith(CloseException::notFound);
    }

    private Uni<Void> uniqueName(Principal principal, String name, String exceptId) {
        return roles.nameTaken(principal.organizationId(), name, exceptId).chain(taken -> {
            boolean builtInName = BuiltInRoles.DEFINITIONS.values().stream()
                    .anyMatch(builtIn -> builtIn.name().equalsIgnoreCase(name));
            if (taken || builtInName) {
                return Uni.createFrom().failure(ValidationException.field("name",
                        "A role with this name already exists."));
            }
            return Uni.createFrom().voidItem();
        });
    }

    private static void requireAdmin(Principal principal) {
        if (!principal.isAdmin()) {
            throw CloseException.forbidden("Only admins can manage roles.");
        }
    }

    private static void requireCustom(String id) {
        if (BuiltInRoles.isBuiltIn(id)) {
            throw new CloseException(400, BUILT_IN_READ_ONLY);
        }
    }

    private static String path(String id) {
        return "/api/v1/role/" + id + "/";
    }
}
