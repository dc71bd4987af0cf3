package io.leadline.platform.events;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Mapped so schema validation covers the table; written through {@link ProcessedEvents}. */
@Entity
@Table(name = "processed_event")
public class ProcessedEvent extends PanacheEntityBase {

    @Id
    @Column(name = "event_id", length = 64)
    public String eventId;

    @Column(name = "organization_id", nullable = false, length = 64)
    public String organizationId;

    @Column(name = "processed_at", nullable = false)
    public Instant processedAt;
}
