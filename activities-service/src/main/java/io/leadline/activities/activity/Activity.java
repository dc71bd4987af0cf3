package io.leadline.activities.activity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.read.StoredDocument;
import io.leadline.platform.security.Caller;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * What every activity has (Close's {@code ActivityBase}, NOTES §6.1). All types share the table {@code activity},
 * told apart by {@code activity_type} (Close's {@code _type}), so the union list is one index range; each type is a
 * subclass with its own columns.
 */
@Entity
@Table(name = "activity")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "activity_type", length = 40)
public abstract class Activity extends StoredDocument {

    @Id
    public String id;

    @Column(name = "organization_id", nullable = false)
    public String organizationId;

    @Column(name = "lead_id", nullable = false)
    public String leadId;

    @Column(name = "contact_id")
    public String contactId;

    @Column(name = "user_id")
    public String userId;

    @Column(name = "user_name")
    public String userName;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_by_name")
    public String createdByName;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_by_name")
    public String updatedByName;

    @Column(name = "date_created", nullable = false)
    public Instant dateCreated;

    @Column(name = "date_updated", nullable = false)
    public Instant dateUpdated;

    @Column(name = "activity_at", nullable = false)
    public Instant activityAt;

    /** Close's {@code _type} of this activity. */
    public abstract ActivityType type();

    /** The wire form: {@link ActivityJson#base} plus the type's own fields. */
    public abstract ObjectNode toJson();

    @Override
    protected ObjectNode document() {
        return toJson();
    }

    /** A new activity of the caller's organization, by the caller, now; activity_at defaults to now. */
    public void recordCreation(Caller caller, Instant now) {
        organizationId = caller.organizationId();
        userId = caller.userId();
        userName = caller.userName();
        createdBy = caller.userId();
        createdByName = caller.userName();
        dateCreated = now;
        activityAt = now;
        touch(caller, now);
    }

    /** The caller changed the activity now. */
    public void touch(Caller caller, Instant now) {
        updatedBy = caller.userId();
        updatedByName = caller.userName();
        dateUpdated = now;
    }
}
