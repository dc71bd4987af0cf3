package io.leadline.core.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.core.audit.AuditedWithNames;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A task on a lead. Its date is a day or an instant (or nothing: dateless); the two derived columns exist only so
 * lists can filter and order both forms together, and are always set through {@link #setDate(TaskDate)}.
 */
@Entity
@Table(name = "task")
public class Task extends AuditedWithNames {

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

    @Override
    protected JsonNode document() {
        return TaskJson.toJson(this, null);
    }
}
