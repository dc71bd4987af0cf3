package io.leadline.gateway.principal;

import io.leadline.platform.security.Caller;
import io.leadline.platform.security.Permission;
import io.vertx.ext.web.RoutingContext;

import java.util.Set;

/**
 * Who an authenticated /api request acts as: through an API key ({@code apiKeyId}) or an OAuth access token
 * ({@code grantId}, the approval the token descends from), within {@code scope}. {@code permissions} are the role's,
 * read with the role on every lookup, so the internal token (cached per principal, this record being its key) can
 * never carry permissions the role no longer grants.
 */
public record Principal(String organizationId, String userId, String userName, String apiKeyId, String role,
                        Set<Permission> permissions, String scope, String grantId) {

    private static final String KEY = "leadline.principal";
    /** What an API key may do: everything its role allows. */
    public static final String FULL_ACCESS = "all.full_access";
    /** The OAuth scope that may only read (GET and HEAD, and POSTs tunnelling a GET). */
    public static final String READ_ONLY = "all.read_only";

    /** An API key's principal: full access. */
    public Principal(String organizationId, String userId, String userName, String apiKeyId, String role,
                     Set<Permission> permissions) {
        this(organizationId, userId, userName, apiKeyId, role, permissions, FULL_ACCESS, null);
    }

    public Principal {
        permissions = Set.copyOf(permissions);
    }

    /** The scope may only read: nothing in it grants full access. */
    public boolean readOnly() {
        if (FULL_ACCESS.equals(scope)) {
            return false; // every API key: decided without allocating, on the hot path
        }
        for (String granted : scope.split(" ")) {
            if (granted.equals(FULL_ACCESS)) {
                return false;
            }
        }
        return true;
    }

    /** What the per-credential rate limit counts against: the API key, or the OAuth grant. */
    public String rateLimitBucket() {
        return apiKeyId != null ? apiKeyId : grantId;
    }

    /** The caller a domain event records for a change this principal made through {@code method path}. */
    public Caller caller(String requestId, String method, String path) {
        return new Caller(organizationId, userId, userName, apiKeyId, role, permissions, requestId, method, path, 0);
    }

    /** Whether the principal manages the organization, by the same rule as every service ({@link Caller#isAdmin}). */
    public boolean isAdmin() {
        return caller(null, null, null).isAdmin();
    }

    public void attachTo(RoutingContext context) {
        context.put(KEY, this);
    }

    /** The principal the edge handler attached; null only for requests that never passed it. */
    public static Principal of(RoutingContext context) {
        return context.get(KEY);
    }
}
