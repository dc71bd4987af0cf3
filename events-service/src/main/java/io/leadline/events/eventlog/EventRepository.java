package io.leadline.events.eventlog;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

/**
 * SQL over the {@code event} table. The log is append-only foreign JSON read by keyset ranges, which plain SQL
 * says directly ({@code on conflict do nothing}, row comparisons), so there is no entity mapping in between.
 */
@ApplicationScoped
public class EventRepository implements ExpiringRows {

    /**
     * One statement per poll: the batch travels as one array per column and {@code unnest} turns them back into rows.
     * The statement text never changes with the batch size, so it is prepared once and cached.
     */
    private static final String INSERT_ALL = "insert into event (id, organization_id, object_type, object_id, action,"
            + " lead_id, user_id, request_id, date_created, date_updated, payload)"
            + " select id, organization_id, object_type, object_id, action, lead_id, user_id, request_id,"
            + " date_created, date_updated, cast(payload as jsonb)"
            + " from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],"
            + " $8::text[], $9::timestamptz[], $10::timestamptz[], $11::text[])"
            + " as batch (id, organization_id, object_type, object_id, action, lead_id, user_id, request_id,"
            + " date_created, date_updated, payload)"
            + " on conflict (id) do nothing returning id";

    @Inject
    Pool pool;

    /**
     * Stores the events whose ids are not there yet (Kafka redelivers), in one statement of {@code connection}'s
     * transaction; emits the ids that were new.
     */
    public Uni<Set<String>> insertAll(SqlConnection connection, List<StoredEvent> events) {
        int size = events.size();
        String[] ids = new String[size];
        String[] organizations = new String[size];
        String[] objectTypes = new String[size];
        String[] objectIds = new String[size];
        String[] actions = new String[size];
        String[] leads = new String[size];
        String[] users = new String[size];
        String[] requests = new String[size];
        OffsetDateTime[] created = new OffsetDateTime[size];
        OffsetDateTime[] updated = new OffsetDateTime[size];
        String[] payloads = new String[size];
        for (int i = 0; i < size; i++) {
            StoredEvent event = events.get(i);
            ids[i] = event.id();
            organizations[i] = event.organizationId();
            objectTypes[i] = event.objectType();
            objectIds[i] = event.objectId();
            actions[i] = event.action();
            leads[i] = event.leadId();
            users[i] = event.userId();
            requests[i] = event.requestId();
            created[i] = utc(event.dateCreated());
            updated[i] = utc(event.dateUpdated());
            payloads[i] = event.json().toString();
        }
        Tuple columns = Tuple.tuple(Arrays.<Object>asList(ids, organizations, objectTypes, objectIds, actions, leads,
                users, requests, created, updated, payloads));
        return connection.preparedQuery(INSERT_ALL).execute(columns).map(rows -> {
            Set<String> inserted = new HashSet<>();
            rows.forEach(row -> inserted.add(row.getString(0)));
            return inserted;
        });
    }

    /** The ids of {@code ids} already in the log, stored or folded into another event (a Kafka redelivery). */
    Uni<Set<String>> knownIds(SqlConnection connection, List<String> ids) {
        return connection.preparedQuery("select id from event where id = any($1::text[])"
                        + " union all select id from event_merge where id = any($1::text[])")
                .execute(Tuple.of(ids.toArray(String[]::new)))
                .map(rows -> {
                    Set<String> known = new HashSet<>();
                    rows.forEach(row -> known.add(row.getString(0)));
                    return known;
                });
    }

    /**
     * The newest stored event of each object, locked until the transaction ends so two consumers never fold into
     * the same event at once. One statement for the whole poll, one index range per object.
     */
    Uni<Map<EventConsolidation.ObjectKey, StoredEvent>> newestOf(SqlConnection connection,
                                                                  Collection<EventConsolidation.ObjectKey> objects) {
        String[] organizations = objects.stream().map(EventConsolidation.ObjectKey::organizationId).toArray(String[]::new);
        String[] objectIds = objects.stream().map(EventConsolidation.ObjectKey::objectId).toArray(String[]::new);
        return connection.preparedQuery("select e.id, e.organization_id, e.object_type, e.object_id, e.action,"
                        + " e.lead_id, e.user_id, e.request_id, e.date_created, e.date_updated, e.payload::text"
                        + " from unnest($1::text[], $2::text[]) as k (organization_id, object_id)"
                        + " cross join lateral (select * from event x"
                        + "  where x.organization_id = k.organization_id and x.object_id = k.object_id"
                        + "  order by x.date_updated desc, x.id desc limit 1 for update) e")
                .execute(Tuple.of(organizations, objectIds))
                .map(rows -> {
                    Map<EventConsolidation.ObjectKey, StoredEvent> newest = new HashMap<>();
                    for (Row row : rows) {
                        StoredEvent event = new StoredEvent(row.getString(0), row.getString(1), row.getString(2),
                                row.getString(3), row.getString(4), row.getString(5), row.getString(6),
                                row.getString(7), row.getOffsetDateTime(8).toInstant(),
                                row.getOffsetDateTime(9).toInstant(), EventJson.event(row.getString(10)));
                        newest.put(EventConsolidation.ObjectKey.of(event), event);
                    }
                    return newest;
                });
    }

    /** Writes the new content of events a consolidation rewrote (they move to their new date_updated). */
    Uni<Void> rewriteAll(SqlConnection connection, List<StoredEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("update event e set date_updated = r.date_updated,"
                        + " payload = cast(r.payload as jsonb)"
                        + " from unnest($1::text[], $2::timestamptz[], $3::text[]) as r (id, date_updated, payload)"
                        + " where e.id = r.id")
                .execute(Tuple.of(events.stream().map(StoredEvent::id).toArray(String[]::new),
                        events.stream().map(event -> utc(event.dateUpdated())).toArray(OffsetDateTime[]::new),
                        events.stream().map(event -> event.json().toString()).toArray(String[]::new)))
                .replaceWithVoid();
    }

    /** Remembers which event holds each folded-in event id. */
    Uni<Void> recordMerged(SqlConnection connection, Map<String, String> absorbedInto) {
        if (absorbedInto.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("insert into event_merge (id, into_id)"
                        + " select id, into_id from unnest($1::text[], $2::text[]) as m (id, into_id)"
                        + " on conflict (id) do nothing")
                .execute(Tuple.of(absorbedInto.keySet().toArray(String[]::new),
                        absorbedInto.values().toArray(String[]::new)))
                .replaceWithVoid();
    }

    /** An event by its id, or by the id of an update folded into it. */
    public Uni<String> findPayload(String organizationId, String id) {
        return pool.preparedQuery("select payload::text from event where organization_id = $1"
                        + " and id = coalesce((select into_id from event_merge where id = $2), $2)")
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
    @Override
    public String name() {
        return "events";
    }

    @Override
    public Uni<Integer> deleteBatch(Instant cutoff, int batch) {
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
