package io.leadline.platform.read;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnectOptions;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * The PostgreSQL pool every service gets, as Quarkus configures it, except that statements up to 16 KiB stay
 * prepared. A read-path statement (one object with its embeds) is longer than the client's default cache limit of
 * 2 KiB, and an unprepared statement is planned anew on every call: measured on a lead GET, the planning cost
 * PostgreSQL eight times the execution.
 */
@Singleton
public class PreparedReadsPoolCreator implements PgPoolCreator {

    static final int STATEMENT_CACHE_SQL_LIMIT = 16 * 1024;

    @Override
    public Pool create(Input input) {
        input.pgConnectOptionsList().forEach(options -> options
                .setCachePreparedStatements(true)
                .setPreparedStatementCacheSqlLimit(STATEMENT_CACHE_SQL_LIMIT));
        return PgBuilder.pool()
                .with(input.poolOptions())
                .connectingTo(List.<SqlConnectOptions>copyOf(input.pgConnectOptionsList()))
                .using(input.vertx())
                .build();
    }
}
