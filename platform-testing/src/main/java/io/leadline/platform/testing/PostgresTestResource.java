package io.leadline.platform.testing;

import io.leadline.embedded.EmbeddedPostgresServer;
import io.leadline.embedded.PostgresDatabases;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;
import java.util.UUID;

/**
 * One embedded PostgreSQL per JVM (starting one costs seconds), but a fresh database per test resource start, so
 * test classes and profiles never see each other's rows. The server stops with the JVM.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    // JVM-wide rather than a static field: Quarkus may load this class in several class loaders
    private static final String PORT_PROPERTY = "leadline.testing.postgres-port";

    private String database;

    /** Port of the shared server, started on first use. */
    public static int port() {
        synchronized (System.getProperties()) {
            String port = System.getProperty(PORT_PROPERTY);
            if (port == null) {
                EmbeddedPostgresServer started = EmbeddedPostgresServer.start(0);
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "embedded-postgres-stop"));
                port = String.valueOf(started.port());
                System.setProperty(PORT_PROPERTY, port);
            }
            return Integer.parseInt(port);
        }
    }

    public static String reactiveUrl(String database) {
        return "postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public static String jdbcUrl(String database) {
        return "jdbc:" + reactiveUrl(database);
    }

    @Override
    public Map<String, String> start() {
        database = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        databases().createIfMissing(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(database),
                "quarkus.datasource.reactive.url", reactiveUrl(database),
                "quarkus.datasource.username", EmbeddedPostgresServer.USERNAME,
                "quarkus.datasource.password", EmbeddedPostgresServer.PASSWORD,
                // a fresh database needs its schema; also under @QuarkusIntegrationTest, whose packaged jar runs
                // the prod profile, where migrations are a separate step
                "quarkus.flyway.migrate-at-start", "true");
    }

    @Override
    public void stop() {
        if (database != null) {
            databases().dropQuietly(database);
        }
    }

    private static PostgresDatabases databases() {
        return new PostgresDatabases(jdbcUrl("postgres"), EmbeddedPostgresServer.USERNAME,
                EmbeddedPostgresServer.PASSWORD);
    }
}
