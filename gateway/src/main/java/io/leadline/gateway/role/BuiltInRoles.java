package io.leadline.gateway.role;

import java.util.List;
import java.util.Map;

/**
 * Close's four built-in roles, the same in every organization and read-only. Their ids are the bare names members
 * carry in {@code role_id}; the internal JWT's role claim is that id, which is how services recognise {@code admin}.
 */
public final class BuiltInRoles {

    static final Map<String, RoleDefinition> DEFINITIONS = Map.of(
            "admin", new RoleDefinition("Admin", RoleDefinition.PERMISSIONS, null, null),
            "superuser", new RoleDefinition("Super User", List.of("bulk_edit", "export", "view_all_leads"), null, null),
            "user", new RoleDefinition("User", List.of("view_all_leads"), null, null),
            // sees only the leads assigned to them (Close's Restricted User)
            "restricteduser", new RoleDefinition("Restricted User", List.of(), List.of(), "require_assignment"));

    /** In the order Close lists them. */
    public static final List<String> IDS = List.of("admin", "superuser", "user", "restricteduser");

    private BuiltInRoles() {
    }

    public static boolean isBuiltIn(String roleId) {
        return DEFINITIONS.containsKey(roleId);
    }
}
