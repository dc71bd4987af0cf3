package io.leadline.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A real PostgreSQL (zonky binaries, PG 14) as a child process. zonky's initdb uses trust authentication, so any
 * password is accepted; we still hand out one because the Vert.x reactive client and Quarkus config expect one.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USERNAME = "postgres";
    public static final String PASSWORD = "postgres";
    private static final String HOST = "127.0.0.1";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedPostgresServer start(int port) {
        return start(port, null);
    }

    /** @param dataDirectory kept between runs when given; null means a throw-away directory */
    public static EmbeddedPostgresServer start(int port, Path dataDirectory) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                // owners register their own hooks, ordered after the services still holding connections
                .setRegisterShutdownHook(false)
                // five services, each with a reactive pool and a Flyway connection, plus tests: 100 is too few
                .setServerConfig("max_connections", "300")
                // durability is worthless for throw-away dev/test data, and fsync is slow on CI disks
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off");
        if (port != 0) {
            builder.setPort(port);
        }
        if (dataDirectory != null) {
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        }
        try {
            return new EmbeddedPostgresServer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start (port " + port + ")", e);
        }
    }

    /** Idempotent and safe to call concurrently. */
    public void createDatabase(String name) {
        databases().createIfMissing(name);
    }

    public void dropDatabaseQuietly(String name) {
        databases().dropQuietly(name);
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USERNAME, PASSWORD);
    }

    public String jdbcUrl(String database) {
        return "jdbc:" + reactiveUrl(database);
    }

    public String reactiveUrl(String database) {
        return "postgresql://" + HOST + ":" + port() + "/" + database;
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return postgres.getPort();
    }

    public String username() {
        return USERNAME;
    }

    public String password() {
        return PASSWORD;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not stop cleanly", e);
        }
    }

    private PostgresDatabases databases() {
        return new PostgresDatabases(jdbcUrl("postgres"), USERNAME, PASSWORD);
    }
}
