package io.leadline.gateway.membership;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A membership that was deactivated: kept whole, out of the {@code memberships} table, so that no credential lookup
 * (they all join memberships) finds it and reactivation restores it as it was.
 */
@Entity
@Table(name = "deactivated_memberships")
public class DeactivatedMembership extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "organization_id", nullable = false)
    public String organizationId;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "role_id", nullable = false)
    public String roleId;

    @Column(name = "auto_record_calls", nullable = false)
    public String autoRecordCalls;

    @Column(name = "pinned_view_ids", nullable = false)
    public String pinnedViewIds;

    @Column(name = "date_created", nullable = false)
    public Instant dateCreated;

    @Column(name = "date_updated", nullable = false)
    public Instant dateUpdated;

    @Column(name = "date_deactivated", nullable = false)
    public Instant dateDeactivated;

    static DeactivatedMembership of(Membership membership, Instant now) {
        DeactivatedMembership deactivated = new DeactivatedMembership();
        deactivated.id = membership.id;
        deactivated.organizationId = membership.organizationId;
        deactivated.userId = membership.userId;
        deactivated.roleId = membership.roleId;
        deactivated.autoRecordCalls = membership.autoRecordCalls;
        deactivated.pinnedViewIds = membership.pinnedViewIds;
        deactivated.dateCreated = membership.dateCreated;
        deactivated.dateUpdated = now;
        deactivated.dateDeactivated = now;
        return deactivated;
    }

    /** The membership as it was, active again with {@code roleId}. */
    Membership reactivated(String newRoleId, Instant now) {
        Membership membership = new Membership();
        membership.id = id;
        membership.organizationId = organizationId;
        membership.userId = userId;
        membership.roleId = newRoleId;
        membership.autoRecordCalls = autoRecordCalls;
        membership.pinnedViewIds = pinnedViewIds;
        membership.dateCreated = dateCreated;
        membership.dateUpdated = now;
        return membership;
    }

    /** Close's membership shape, for {@code inactive_memberships}. */
    Membership asMembership() {
        return reactivated(roleId, dateUpdated);
    }
}
