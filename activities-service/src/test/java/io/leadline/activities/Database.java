package io.leadline.activities;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Reads the service's own tables in tests, to prove that refused requests wrote nothing at all. */
@ApplicationScoped
public class Database {

    @Inject
    Pool pool;

    public long count(String table, String organizationId) {
        return pool.preparedQuery("select count(*) from " + table + " where organization_id = $1")
                .execute(Tuple.of(organizationId))
                .await().indefinitely()
                .iterator().next().getLong(0);
    }

    /** Activities and outbox events of the organization together: any write shows up here. */
    public long writesOf(String organizationId) {
        return count("activity", organizationId) + count("outbox_event", organizationId);
    }
}
