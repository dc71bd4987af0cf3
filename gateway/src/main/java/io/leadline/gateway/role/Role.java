package io.leadline.gateway.role;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A custom role ({@code role_…}) of one organization; the built-in ones are {@link BuiltInRoles}. */
@Entity
@Table(name = "roles")
public class Role extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "organization_id", nullable = false)
    public String organizationId;

    @Column(nullable = false)
    public String name;

    /** Comma-joined permission names, sorted. */
    @Column(nullable = false)
    public String permissions;

    /** Comma-joined lead custom field ids; null when the role sees all leads. */
    @Column(name = "visibility_user_lcf_ids")
    public String visibilityUserLcfIds;

    @Column(name = "visibility_user_lcf_behavior")
    public String visibilityUserLcfBehavior;

    @Column(name = "date_created", nullable = false)
    public Instant dateCreated;

    @Column(name = "date_updated", nullable = false)
    public Instant dateUpdated;
}
