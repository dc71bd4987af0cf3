package io.leadline.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a role lets its members do: the permission names Close documents for roles ({@code permissions[]} of
 * {@code /role/}). The gateway puts the caller's in the internal JWT, so a service asks "may this caller do X"
 * ({@link Caller#may}) and never compares role names: a custom role with {@code manage_organization} is an admin.
 */
public enum Permission {
    BULK_EDIT("bulk_edit"),
    EXPORT("export"),
    /** Close's "Manage Organization": the organization's configuration, and everyone's objects. */
    MANAGE_ORGANIZATION("manage_organization"),
    VIEW_ALL_LEADS("view_all_leads");

    /** Close's four built-in roles (ids as members carry them in {@code role_id}) and what each grants. */
    private static final Map<String, Set<Permission>> BUILT_IN = Map.of(
            "admin", EnumSet.allOf(Permission.class),
            "superuser", EnumSet.of(BULK_EDIT, EXPORT, VIEW_ALL_LEADS),
            "user", EnumSet.of(VIEW_ALL_LEADS),
            "restricteduser", EnumSet.noneOf(Permission.class));

    private final String wireName;

    Permission(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire and in the internal JWT. */
    public String wireName() {
        return wireName;
    }

    public static Optional<Permission> ofWireName(String name) {
        for (Permission permission : values()) {
            if (permission.wireName.equals(name)) {
                return Optional.of(permission);
            }
        }
        return Optional.empty();
    }

    /** The known permissions among {@code names}; names this build doesn't know grant nothing. */
    public static Set<Permission> ofWireNames(Collection<String> names) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        names.forEach(name -> ofWireName(name).ifPresent(permissions::add));
        return permissions;
    }

    /** A built-in role's permissions; none for any other role id (custom roles' live in the gateway). */
    public static Set<Permission> ofBuiltInRole(String roleId) {
        Set<Permission> permissions = roleId == null ? null : BUILT_IN.get(roleId);
        return permissions == null ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions);
    }

    public static boolean isBuiltInRole(String roleId) {
        return roleId != null && BUILT_IN.containsKey(roleId);
    }
}
