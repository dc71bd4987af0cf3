package io.leadline.core.integrationlink;

import io.leadline.core.audit.Audited;
import io.leadline.core.readmodel.StoredDocument;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

/** A link template (e.g. {@code https://erp.example/?q={{ lead.display_name }}}) shown on one kind of object. */
@Entity
@Table(name = "integration_link")
public class IntegrationLink extends Audited implements StoredDocument {

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
