package io.leadline.events.eventlog;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * SQL over the {@code event} table. The log is append-only foreign JSON read by keyset ranges, which plain SQL
 * says directly ({@code on conflict do nothing}, row comparisons), so there is no entity mapping in between.
 */
@ApplicationScoped
public class EventRepository {

    private static final String INSERT = "insert into event (id, organization_id, object_type, object_id, action,"
            + " lead_id, user_id, request_id, date_created, date_updated, payload)"
            + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, cast($11::text as jsonb)) on conflict (id) do nothing";

    @Inject
    Pool pool;

    /** Stores the event unless its id is already there (Kafka redelivers); emits whether it was new. */
    public Uni<Boolean> insertIfAbsent(StoredEvent event) {
        // Arrays.asList, not List.of: object, lead, user and request ids may be null
        Tuple values = Tuple.tuple(Arrays.<Object>asList(event.id(), event.organizationId(), event.objectType(),
                event.objectId(), event.action(), event.leadId(), event.userId(), event.requestId(),
                utc(event.dateCreated()), utc(event.dateUpdated()), event.json().toString()));
        return pool.preparedQuery(INSERT).execute(values).map(rows -> rows.rowCount() == 1);
    }

    public Uni<String> findPayload(String organizationId, String id) {
        return pool.preparedQuery("select payload::text from event where organization_id = $1 and id = $2")
                .execute(Tuple.of(organizationId, id))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getString(0) : null);
    }

    /**
     * Up to {@code limit} events of the organization matching the filters, read from {@code from} (exclusive) in the
     * cursor's direction, or from the newest when {@code from} is null. Rows come back in that reading order.
     */
    public Uni<List<EventRow>> page(String organizationId, EventListQuery query, EventCursor from, int limit) {
        boolean newer = from != null && from.direction() == EventCursor.Direction.NEWER;
        List<Object> values = new ArrayList<>();
        values.add(organizationId);
        StringBuilder sql = new StringBuilder(
                "select payload::text, date_updated, id from event where organization_id = $1");
        for (Map.Entry<String, String> filter : query.filters().entrySet()) {
            values.add(filter.getValue());
            sql.append(" and ").append(EventListQuery.FILTER_COLUMNS.get(filter.getKey())).append(" = $").append(values.size());
        }
        for (EventListQuery.DateBound bound : query.dateBounds()) {
            values.add(utc(bound.at()));
            sql.append(" and date_updated ").append(bound.operator()).append(" $").append(values.size());
        }
        if (from != null) {
            values.add(utc(from.position().dateUpdated()));
            values.add(from.position().id());
            sql.append(" and (date_updated, id) ").append(newer ? ">" : "<")
                    .append(" ($").append(values.size() - 1).append(", $").append(values.size()).append(")");
        }
        String direction = newer ? "asc" : "desc";
        values.add(limit);
        sql.append(" order by date_updated ").append(direction).append(", id ").append(direction)
                .append(" limit $").append(values.size());
        return pool.preparedQuery(sql.toString()).execute(Tuple.tuple(values)).map(rows -> {
            List<EventRow> page = new ArrayList<>();
            for (Row row : rows) {
                page.add(new EventRow(row.getString(0),
                        new EventPosition(row.getOffsetDateTime(1).toInstant(), row.getString(2))));
            }
            return page;
        });
    }

    /** Deletes up to {@code batch} events created before {@code cutoff}; emits how many. */
    public Uni<Integer> deleteCreatedBefore(Instant cutoff, int batch) {
        return pool.preparedQuery("delete from event where id in"
                        + " (select id from event where date_created < $1 limit $2)")
                .execute(Tuple.of(utc(cutoff), batch))
                .map(rows -> rows.rowCount());
    }

    /** A stored event as the list reads it: its JSON text and its place in the order. */
    public record EventRow(String payload, EventPosition position) {
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
