package io.leadline.platform.security;

import io.leadline.platform.wire.CloseDateTimes;

import java.time.LocalDate;
import java.util.Set;

/**
 * Who is calling and for which organization, read once per request from the internal JWT and headers, then passed
 * explicitly to services, so no business code depends on a request scope that reactive pipelines may leave.
 */
public record Caller(
        String organizationId,
        String userId,
        String userName,
        String apiKeyId,
        String role,
        Set<Permission> permissions,
        String requestId,
        String requestMethod,
        String requestPath,
        double tzOffsetHours) {

    public Caller {
        permissions = permissions == null ? Set.of() : Set.copyOf(permissions);
    }

    /**
     * A caller whose permissions are those of its built-in role (none for any other role or none): the callers a
     * service makes up itself, for events it writes later or on the system's behalf.
     */
    public Caller(String organizationId, String userId, String userName, String apiKeyId, String role,
                  String requestId, String requestMethod, String requestPath, double tzOffsetHours) {
        this(organizationId, userId, userName, apiKeyId, role, Permission.ofBuiltInRole(role), requestId,
                requestMethod, requestPath, tzOffsetHours);
    }

    /** The one test every service makes for what a caller may do, so none of them compares role names. */
    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }

    /**
     * Whether the caller manages the organization (Close's {@code manage_organization}): admin-only configuration
     * writes, and everyone's objects. The built-in {@code admin} role has it, and so has any custom role granting it.
     */
    public boolean isAdmin() {
        return may(Permission.MANAGE_ORGANIZATION);
    }

    /** "Today" in the caller's timezone (X-TZ-Offset). */
    public LocalDate today() {
        return CloseDateTimes.today(tzOffsetHours);
    }
}
