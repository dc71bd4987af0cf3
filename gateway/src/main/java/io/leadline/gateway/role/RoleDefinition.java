package io.leadline.gateway.role;

import io.leadline.platform.security.Permission;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What a role grants, whether built in or custom: the part {@code POST}/{@code PUT /role/} set. */
record RoleDefinition(String name, List<String> permissions, List<String> visibilityUserLcfIds,
                      String visibilityUserLcfBehavior) {

    static final String VIEW_ALL_LEADS = Permission.VIEW_ALL_LEADS.wireName();
    /** The permission names Close documents for roles; anything else is refused, so typos don't pass silently. */
    static final List<String> PERMISSIONS = names(EnumSet.allOf(Permission.class));
    static final List<String> BEHAVIORS = List.of("require_assignment", "allow_unassigned");

    static RoleDefinition of(Role role) {
        return new RoleDefinition(role.name, split(role.permissions), role.visibilityUserLcfIds == null ? null
                : split(role.visibilityUserLcfIds), role.visibilityUserLcfBehavior);
    }

    void applyTo(Role role) {
        role.name = name;
        role.permissions = String.join(",", permissions);
        role.visibilityUserLcfIds = visibilityUserLcfIds == null ? null : String.join(",", visibilityUserLcfIds);
        role.visibilityUserLcfBehavior = visibilityUserLcfBehavior;
    }

    /** Sorted, as roles store and show them. */
    static List<String> names(Set<Permission> permissions) {
        return permissions.stream().map(Permission::wireName).sorted().toList();
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
