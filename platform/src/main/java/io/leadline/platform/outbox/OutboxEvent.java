package io.leadline.platform.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A domain event waiting in the producing service's database to be relayed to Kafka. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "event_id", nullable = false, unique = true, length = 64)
    public String eventId;

    @Column(name = "organization_id", nullable = false, length = 64)
    public String organizationId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "record_key", nullable = false, length = 64)
    public String recordKey;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** Set by the relay when Kafka refused the record for good; the row is then out of the queue. */
    @Column(name = "parked_at")
    public Instant parkedAt;

    @Column(name = "park_reason", columnDefinition = "text")
    public String parkReason;
}
