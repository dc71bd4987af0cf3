package io.leadline.core.task;

import io.leadline.core.readmodel.StoredDocument;
import io.leadline.core.audit.AuditedWithNames;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A task on a lead. Its date is a day or an instant (or nothing: dateless); the two derived columns exist only so
 * lists can filter and order both forms together, and are always set through {@link #setDate(TaskDate)}.
 */
@Entity
@Table(name = "task")
public class Task extends AuditedWithNames implements StoredDocument {

    @Id
    public String id;

    @Column(name = "organization_id", nullable = false)
    public String organizationId;

    @Column(name = "task_type", nullable = false)
    public String type;

    @Column(name = "lead_id", nullable = false)
    public String leadId;

    @Column(name = "contact_id")
    public String contactId;

    @Column(name = "assigned_to")
    public String assignedTo;

    @Column(name = "assigned_to_name")
    public String assignedToName;

    @Column(nullable = false)
    public String text = "";

    @Column(name = "date_on")
    LocalDate dateOn;

    @Column(name = "date_at")
    Instant dateAt;

    @Column(name = "date_effective")
    Instant dateEffective;

    @Column(name = "date_sort")
    String dateSort;

    @Column(name = "is_complete", nullable = false)
    public boolean isComplete;

    public TaskDate date() {
        return new TaskDate(dateOn, dateAt);
    }

    public void setDate(TaskDate date) {
        dateOn = date.day();
        dateAt = date.at();
        dateEffective = date.effective();
        dateSort = date.sortKey();
    }

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
        doc = TaskJson.toJson(this, null).toString();
    }
}
