package io.leadline.platform.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who is an admin is decided by permission, never by the role's name. */
class CallerPermissionsTest {

    @Test
    void aCustomRoleGrantingManageOrganizationIsAnAdminAndTheBuiltInRolesKeepClosesPermissions() {
        assertTrue(caller("role_ops", Set.of(Permission.MANAGE_ORGANIZATION)).isAdmin());
        assertFalse(caller("role_sales", Set.of(Permission.EXPORT, Permission.BULK_EDIT, Permission.VIEW_ALL_LEADS))
                .isAdmin());
        // a role merely named "admin" is nothing without the permission the gateway put in the token
        assertFalse(caller("admin", Set.of()).isAdmin());

        assertTrue(builtIn("admin").isAdmin());
        assertFalse(builtIn("superuser").isAdmin());
        assertTrue(builtIn("superuser").may(Permission.EXPORT));
        assertFalse(builtIn("user").may(Permission.BULK_EDIT));
        assertTrue(builtIn("user").may(Permission.VIEW_ALL_LEADS));
        assertEquals(Set.of(), builtIn("restricteduser").permissions());
        assertEquals(Set.of(), builtIn("role_custom").permissions());
        assertEquals(Set.of(), builtIn(null).permissions());
    }

    @Test
    void unknownPermissionNamesGrantNothing() {
        assertEquals(Set.of(Permission.EXPORT), Permission.ofWireNames(List.of("export", "fly", "")));
    }

    private static Caller caller(String role, Set<Permission> permissions) {
        return new Caller("orga_1", "user_1", "Ann", null, role, permissions, "req_1", "GET", "/", 0);
    }

    /** The callers a service makes up itself: their built-in role's permissions. */
    private static Caller builtIn(String role) {
        return new Caller("orga_1", "user_1", "Ann", null, role, "req_1", "GET", "/", 0);
    }
}
