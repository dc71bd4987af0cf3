package io.leadline.core.opportunitystatus;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.platform.read.StoredDocument;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An opportunity status inside a pipeline; its type (active, won, lost) drives reports and {@code date_won}. */
@Entity
@Table(name = "opportunity_status")
public class OpportunityStatus extends StoredDocument {

    public static final String ACTIVE = "active";
    public static final String WON = "won";
    public static final String LOST = "lost";

    @Id
    public String id;

    @Column(name = "organization_id", nullable = false)
    public String organizationId;

    @Column(name = "pipeline_id", nullable = false)
    public String pipelineId;

    @Column(nullable = false)
    public String label;

    @Column(name = "status_type", nullable = false)
    public String type;

    @Column(nullable = false)
    public int position;

    @Column(name = "date_created", nullable = false)
    public Instant dateCreated;

    @Column(name = "date_updated", nullable = false)
    public Instant dateUpdated;

    @Override
    protected JsonNode document() {
        return OpportunityStatusJson.toJson(this);
    }
}
