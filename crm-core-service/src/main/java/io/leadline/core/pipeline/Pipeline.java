package io.leadline.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.platform.read.StoredDocument;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An opportunity pipeline: an ordered group of opportunity statuses. */
@Entity
@Table(name = "pipeline")
public class Pipeline extends StoredDocument {

    @Id
    public String id;

    @Column(name = "organization_id", nullable = false)
    public String organizationId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public int position;

    @Column(name = "date_created", nullable = false)
    public Instant dateCreated;

    @Column(name = "date_updated", nullable = false)
    public Instant dateUpdated;

    @Override
    protected JsonNode document() {
        return PipelineJson.toJson(this, java.util.List.of());
    }
}
