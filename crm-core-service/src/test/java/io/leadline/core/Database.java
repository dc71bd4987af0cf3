package io.leadline.core;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

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

    /** Leads, contacts and outbox events of the organization together: any write shows up here. */
    public long rowsOf(String organizationId) {
        return count("lead", organizationId) + count("contact", organizationId) + count("outbox_event", organizationId);
    }

    /** One number computed by SQL (bound parameters $1, $2 …). */
    public long queryLong(String sql, Object... parameters) {
        return pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().indefinitely()
                .iterator().next().getLong(0);
    }

    /** A statement run as the test's own setup (seeding in bulk, not through the API). */
    public void execute(String sql, Object... parameters) {
        pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().indefinitely();
    }

    /** Waits until the organization's background custom field jobs (conversions, removals) are done. */
    public void awaitCustomFieldJobs(String organizationId) {
        await("custom field jobs of " + organizationId).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50)).until(() -> count("custom_field_job", organizationId) == 0);
    }
}
