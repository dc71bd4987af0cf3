package io.leadline.core.integrationlink;

import io.leadline.core.readmodel.StoredDocument;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;

/** A link template (e.g. {@code https://erp.example/?q={{ lead.display_name }}}) shown on one kind of object. */
@Entity
@Table(name = "integration_link")
public class IntegrationLink implements StoredDocument {

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

    /**
     * Its own wire form, for the read path (see {@link StoredDocument}); written with every insert and update of the
     * row and never read back into the entity.
     */
    @Column(name = "doc", columnDefinition = "jsonb")
    @ColumnTransformer(read = "null", write = "cast(cast(? as text) as jsonb)")
    String doc;

    @Override
    @PrePersist
    @PreUpdate
    public void renderDocument() {
        doc = IntegrationLinkJson.toJson(this).toString();
    }
}
