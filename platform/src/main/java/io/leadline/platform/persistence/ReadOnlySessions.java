package io.leadline.platform.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.hibernate.FlushMode;

/**
 * Marks the current session as a reader's. Without this, Hibernate keeps a snapshot of every loaded entity (a deep
 * copy of each jsonb value) and dirty-checks them all before every further query of the request; a profile of
 * GET /lead/{id}/ showed that bookkeeping costing more than the queries themselves.
 */
public final class ReadOnlySessions {

    private ReadOnlySessions() {
    }

    /** Call first in a {@code @WithSession} read pipeline, before anything is loaded. */
    public static Uni<Void> begin() {
        return Panache.getSession().invoke(session -> {
            session.setDefaultReadOnly(true);
            session.setFlushMode(FlushMode.MANUAL);
        }).replaceWithVoid();
    }
}
