package io.leadline.core.integrationlink;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A link template (e.g. {@code https://erp.example/?q={{ lead.display_name }}}) shown on one kind of object. */
@Entity
@Table(name = "integration_link")
public class IntegrationLink {

    public static final String LEAD = "lead";
    public static final String CONTACT = "contact";
    public static final String OPPORTUNITY = "opportunity";

    @Id
    public String id;

    @Column(name = "organization_id", nullable = false)
    public String organizationId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String url;

    @Column(name = "link_type", nullable = false)
    public String type;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "date_created", nullable = false)
    public Instant dateCreated;

    @Column(name = "date_updated", nullable = false)
    public Instant dateUpdated;
}
