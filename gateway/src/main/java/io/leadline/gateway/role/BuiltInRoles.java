package io.leadline.gateway.role;

import io.leadline.platform.security.Permission;

import java.util.List;
import java.util.Map;

/**
 * Close's four built-in roles, the same in every organization and read-only. Their ids are the bare names members
 * carry in {@code role_id}; the internal JWT's role claim is that id, which is how services recognise {@code admin}.
 */
public final class BuiltInRoles {

    static final Map<String, RoleDefinition> DEFINITIONS = Map.of(
            "admin", builtIn("admin", "Admin", null, null),
            "superuser", builtIn("superuser", "Super User", null, null),
            "user", builtIn("user", "User", null, null),
            // sees only the leads assigned to them (Close's Restricted User)
            "restricteduser", builtIn("restricteduser", "Restricted User", List.of(), "require_assignment"));

    /** In the order Close lists them. */
    public static final List<String> IDS = List.of("admin", "superuser", "user", "restricteduser");

    private BuiltInRoles() {
    }

    /** The permissions are platform's ({@link Permission#ofBuiltInRole}), which services fall back on too. */
    private static RoleDefinition builtIn(String id, String name, List<String> visibilityUserLcfIds,
                                          String visibilityUserLcfBehavior) {
        return new RoleDefinition(name, RoleDefinition.names(Permission.ofBuiltInRole(id)), visibilityUserLcfIds,
                visibilityUserLcfBehavior);
    }

    public static boolean isBuiltIn(String roleId) {
        return DEFINITIONS.containsKey(roleId);
    }
}
