package io.leadline.events.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;

/** A webhook subscription (NOTES §8). Its wire form is kept in {@code doc} for the read path (architecture.md §3). */
@Entity
@Table(name = "webhook")
public class Webhook {

    public static final String ACTIVE = "active";
    public static final String PAUSED = "paused";

    @Id
    public String id;

    @Column(name = "organization_id", nullable = false)
    public String organizationId;

    @Column(nullable = false)
    public String url;

    @Column(nullable = false)
    public String status;

    @Column(name = "verify_ssl", nullable = false)
    public boolean verifySsl;

    /** The accepted {@code events} array as JSON text. */
    @Column(name = "events", columnDefinition = "jsonb", nullable = false)
    @ColumnTransformer(read = "cast(events as text)", write = "cast(cast(? as text) as jsonb)")
    public String events;

    /** 64 hex characters (32 key bytes); answered by the create response only. */
    @Column(name = "signature_key", nullable = false)
    public String signatureKey;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "date_created", nullable = false)
    public Instant dateCreated;

    @Column(name = "date_updated", nullable = false)
    public Instant dateUpdated;

    @Column(name = "failing_since")
    public Instant failingSince;

    /** Written with every insert and update of the row and never read back into the entity. */
    @Column(name = "doc", columnDefinition = "jsonb")
    @ColumnTransformer(read = "null", write = "cast(cast(? as text) as jsonb)")
    String doc;

    JsonNode eventsJson() {
        return WebhookJson.parse(events);
    }

    @PrePersist
    @PreUpdate
    void renderDocument() {
        doc = WebhookJson.toJson(this).toString();
    }
}
