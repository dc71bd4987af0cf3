package io.leadline.gateway.membership;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** A user's place in one organization, with the role that decides what the user may do there. */
@Entity
@Table(name = "memberships")
public class Membership extends PanacheEntityBase {

    public static final String ADMIN = "admin";
    public static final String USER = "user";
    /** Close's built-in roles (NOTES §1); custom {@code role_…} roles come with the roles endpoints. */
    public static final List<String> BUILT_IN_ROLES = List.of(ADMIN, "superuser", USER, "restricteduser");

    @Id
    public String id;

    @Column(name = "organization_id", nullable = false)
    public String organizationId;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "role_id", nullable = false)
    public String roleId;

    /** Close's {@code auto_record_calls}: {@code unset}, {@code enabled} or {@code disabled}. */
    @Column(name = "auto_record_calls", nullable = false)
    public String autoRecordCalls = "unset";

    /** Close's pinned views: smart view ids in order, comma-joined. */
    @Column(name = "pinned_view_ids", nullable = false)
    public String pinnedViewIds = "";

    @Column(name = "date_created", nullable = false)
    public Instant dateCreated;

    @Column(name = "date_updated", nullable = false)
    public Instant dateUpdated;
}
