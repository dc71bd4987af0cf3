package io.leadline.gateway.role;

import io.leadline.platform.security.Permission;

import java.util.Arrays;
import java.util.Set;

/** What a member's role grants, as the credential lookups read it (the role id and, for a custom role, its row). */
public final class RolePermissions {

    private RolePermissions() {
    }

    /**
     * @param customPermissions the custom role's comma-joined {@code permissions} column; null for a built-in role
     *                          (or a custom one that no longer exists, which grants nothing)
     */
    public static Set<Permission> of(String roleId, String customPermissions) {
        if (BuiltInRoles.isBuiltIn(roleId) || customPermissions == null || customPermissions.isEmpty()) {
            return Permission.ofBuiltInRole(roleId);
        }
        return Permission.ofWireNames(Arrays.asList(customPermissions.split(",")));
    }
}
