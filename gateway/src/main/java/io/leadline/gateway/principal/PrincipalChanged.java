package io.leadline.gateway.principal;

/**
 * A CDI event: what a member may do in an organization changed (role, a revoked key), committed. Whoever keeps
 * principals in memory drops that member's, so the next request carries the change.
 */
public record PrincipalChanged(String organizationId, String userId) {
}
