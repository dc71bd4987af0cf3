package io.leadline.platform.security;

import io.leadline.platform.wire.CloseDateTimes;

import java.time.LocalDate;

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
        String requestId,
        String requestMethod,
        String requestPath,
        double tzOffsetHours) {

    /** Close's built-in role that manages the organization: its configuration, and everyone's objects. */
    public static final String ADMIN_ROLE = "admin";

    /** The one test every service makes for admin-only actions, so they agree on who an admin is. */
    public boolean isAdmin() {
        return ADMIN_ROLE.equals(role);
    }

    /** "Today" in the caller's timezone (X-TZ-Offset). */
    public LocalDate today() {
        return CloseDateTimes.today(tzOffsetHours);
    }
}
