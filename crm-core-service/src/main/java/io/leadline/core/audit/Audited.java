package io.leadline.core.audit;

import io.leadline.platform.read.StoredDocument;
import io.leadline.platform.security.Caller;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;

/**
 * Who created and last changed an object, and when: the columns behind Close's {@code created_by},
 * {@code updated_by}, {@code date_created} and {@code date_updated}. Objects whose wire form also names the users
 * extend {@link AuditedWithNames}. Every audited object is a Close object with its stored wire form, hence the
 * superclass.
 */
@MappedSuperclass
public abstract class Audited extends StoredDocument {

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "date_created", nullable = false)
    public Instant dateCreated;

    @Column(name = "date_updated", nullable = false)
    public Instant dateUpdated;

    /** A new object: created and last changed by the caller, now. */
    public void recordCreation(Caller caller, Instant now) {
        createdBy = caller.userId();
        dateCreated = now;
        touch(caller, now);
    }

    /** The caller changed the object now. */
    public void touch(Caller caller, Instant now) {
        updatedBy = caller.userId();
        dateUpdated = now;
    }
}
