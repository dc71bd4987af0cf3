package io.leadline.core.audit;

import io.leadline.platform.security.Caller;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;

/**
 * {@link Audited} plus the users' names behind Close's {@code created_by_name} and {@code updated_by_name}. The
 * names are kept as written, since users live in the gateway and a later rename must not rewrite history.
 */
@MappedSuperclass
public abstract class AuditedWithNames extends Audited {

    @Column(name = "created_by_name")
    public String createdByName;

    @Column(name = "updated_by_name")
    public String updatedByName;

    @Override
    public void recordCreation(Caller caller, Instant now) {
        createdByName = caller.userName();
        super.recordCreation(caller, now);
    }

    @Override
    public void touch(Caller caller, Instant now) {
        updatedByName = caller.userName();
        super.touch(caller, now);
    }
}
