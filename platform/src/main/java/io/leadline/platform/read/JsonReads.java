package io.leadline.platform.read;

import io.leadline.platform.wire.CloseException;
import io.leadline.platform.wire.FieldSelection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs read statements on the reactive PostgreSQL client (prepared once per connection and cached, no ORM session)
 * and hands back PostgreSQL's JSON text untouched, to be written as the response body.
 */
@ApplicationScoped
public class JsonReads {

    @Inject
    Pool pool;

    /** One object's wire form; 404 when the organization has no such object. */
    public Uni<String> one(ReadTable table, String organizationId, String id, FieldSelection fields) {
        return execute(ReadStatements.one(table, organizationId, id, fields)).map(rows -> {
            RowIterator<Row> iterator = rows.iterator();
            if (!iterator.hasNext()) {
                throw CloseException.notFound();
            }
            return iterator.next().getString(0);
        });
    }

    /** One page of a list, from {@code _skip} on. */
    public Uni<JsonPage> page(ReadTable table, String organizationId, ListQuery query, SqlCondition extra) {
        return page(table, organizationId, query, extra, null);
    }

    /** One page of a list, behind {@code after} when given (keyset paging), else from {@code _skip}. */
    public Uni<JsonPage> page(ReadTable table, String organizationId, ListQuery query, SqlCondition extra,
                              Keyset after) {
        int orderColumns = query.order().size();
        return execute(ReadStatements.page(table, organizationId, query, extra, after))
                .map(rows -> toPage(rows, query.limit(), orderColumns));
    }

    /** Any statement of the read path, e.g. a list with its aggregates in one go. */
    public Uni<RowSet<Row>> execute(ReadStatement statement) {
        return pool.preparedQuery(statement.sql()).execute(statement.parameters().tuple());
    }

    static JsonPage toPage(RowSet<Row> rows, int limit, int orderColumns) {
        List<String> objects = new ArrayList<>(Math.min(rows.size(), limit));
        List<Object> lastKey = List.of();
        for (Row row : rows) {
            if (objects.size() == limit) {
                return new JsonPage(objects, true, lastKey);
            }
            objects.add(row.getString(0));
            List<Object> key = new ArrayList<>(orderColumns);
            for (int i = 1; i <= orderColumns; i++) {
                key.add(row.getValue(i));
            }
            lastKey = key;
        }
        return new JsonPage(objects, false, lastKey);
    }
}
