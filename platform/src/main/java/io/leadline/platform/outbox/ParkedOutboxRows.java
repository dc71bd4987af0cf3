package io.leadline.platform.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * {@code GET /q/outbox/parked} on the management interface: the parked rows of this service's outbox, oldest first
 * (at most {@value #LIMIT}), with their reason, for operators. Read-only and without payloads (they hold customer
 * data): what to do with a row is in platform/README.md. It sits beside {@code /q/health} and {@code /q/metrics} on
 * the management port, which no public route reaches (the gateway's included).
 */
@ApplicationScoped
@IfBuildProperty(name = OutboxConfig.ENABLED, stringValue = "true", enableIfMissing = true)
public class ParkedOutboxRows {

    static final String PATH = "/q/outbox/parked";
    static final int LIMIT = 100;
    private static final String SELECT = "select seq, event_id, organization_id, event_type, record_key, topic,"
            + " octet_length(payload) as payload_bytes, created_at, parked_at, park_reason,"
            + " count(*) over () as total from outbox_event where parked_at is not null order by seq limit " + LIMIT;

    @Inject
    Pool pool;

    void route(@Observes ManagementInterface management) {
        management.router().get(PATH).handler(context -> pool.preparedQuery(SELECT).execute().subscribe().with(rows -> {
            JsonArray data = new JsonArray();
            long total = 0;
            for (Row row : rows) {
                total = row.getLong("total");
                data.add(new JsonObject()
                        .put("seq", row.getLong("seq"))
                        .put("event_id", row.getString("event_id"))
                        .put("organization_id", row.getString("organization_id"))
                        .put("event_type", row.getString("event_type"))
                        .put("record_key", row.getString("record_key"))
                        .put("topic", row.getString("topic"))
                        .put("payload_bytes", row.getInteger("payload_bytes"))
                        .put("created_at", row.getOffsetDateTime("created_at").toString())
                        .put("parked_at", row.getOffsetDateTime("parked_at").toString())
                        .put("park_reason", row.getString("park_reason")));
            }
            context.response().putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("total", total).put("data", data).encode());
        }, failure -> context.fail(503, failure)));
    }
}
