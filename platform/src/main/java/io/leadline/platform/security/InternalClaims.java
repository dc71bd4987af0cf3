package io.leadline.platform.security;

/** The claims of the internal JWT the gateway mints for the services behind it (ARCHITECTURE §2). */
public final class InternalClaims {

    public static final String ISSUER = "leadline-gateway";
    public static final String AUDIENCE = "leadline-internal";
    public static final String ORGANIZATION_ID = "org_id";
    public static final String API_KEY_ID = "api_key_id";
    public static final String ROLE = "role";
    /** The role's permission names (a JSON array), which is what services check, never the role's name. */
    public static final String PERMISSIONS = "permissions";
    /** The user's display name, so services can fill {@code created_by_name} without asking the gateway. */
    public static final String USER_NAME = "name";
    public static final String SCOPE = "scope";
    /** The role every caller holds, so resources can simply require it. */
    public static final String CALLER_GROUP = "user";
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String TZ_OFFSET_HEADER = "X-TZ-Offset";

    private InternalClaims() {
    }
}
