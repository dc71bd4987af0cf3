package io.leadline.core.leadstatus;

import io.leadline.core.readmodel.StoredDocument;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;

/** A lead status of one organization; the one with the lowest position is the default for new leads. */
@Entity
@Table(name = "lead_status")
public class LeadStatus implements StoredDocument {

    @Id
    public String id;

    @Column(name = "organization_id", nullable = false)
    public String organizationId;

    @Column(nullable = false)
    public String label;

    @Column(nullable = false)
    public int position;

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
        doc = LeadStatusJson.toJson(this).toString();
    }
}
