package io.leadline.activities.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import org.hibernate.annotations.ColumnTransformer;

/**
 * An entity that keeps its own wire form in a {@code doc} jsonb column, rendered by its Java mapper (the one that
 * renders its events) before every insert and update, so no write path can forget it (docs/architecture.md §3).
 * This service started with documents, so unlike crm-core it has no backfill of rows without one.
 */
@MappedSuperclass
public abstract class StoredDocument {

    /** Written with every insert and update of the row and never read back into the entity. */
    @Column(name = "doc", columnDefinition = "jsonb")
    @ColumnTransformer(read = "null", write = "cast(cast(? as text) as jsonb)")
    String doc;

    /** The entity's wire form from its own fields. */
    protected abstract JsonNode document();

    /** Renders the document from the entity's current fields; Hibernate calls it before every insert and update. */
    @PrePersist
    @PreUpdate
    public void renderDocument() {
        doc = document().toString();
    }
}
