package io.leadline.core.leadstatus;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.platform.read.StoredDocument;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A lead status of one organization; the one with the lowest position is the default for new leads. */
@Entity
@Table(name = "lead_status")
public class LeadStatus extends StoredDocument {

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

    @Override
    protected JsonNode document() {
        return LeadStatusJson.toJson(this);
    }
}
