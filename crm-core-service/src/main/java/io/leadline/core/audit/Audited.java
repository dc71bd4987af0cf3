package io.leadline.core.audit;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;

/**
 * Who created and last changed an object, and when: the columns behind Close's {@code created_by(_name)},
 * {@code updated_by(_name)}, {@code date_created} and {@code date_updated}. The names are kept as written, since
 * users live in the gateway and a later rename must not rewrite history.
 */
@MappedSuperclass
public abstract class Audited {

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
}
