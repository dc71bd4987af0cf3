package io.leadline.comments.commented;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * Another service's object as this service knows it from its events: whose it is, what it is in the event log's
 * vocabulary ({@code lead}, {@code task.lead}, {@code activity.note} ...), the lead it belongs to, and whether it is
 * gone. Written only by {@link ObjectProjection}.
 */
@Entity
@Table(name = "commented_object")
public class CommentedObject extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "organization_id", nullable = false)
    public String organizationId;

    @Column(name = "object_type", nullable = false)
    public String objectType;

    @Column(name = "lead_id")
    public String leadId;

    @Column(nullable = false)
    public boolean deleted;

    @Column(name = "date_updated", nullable = false)
    public Instant dateUpdated;
}
