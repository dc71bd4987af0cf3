package io.leadline.devstack;

import io.leadline.embedded.EmbeddedPostgresServer;
import io.leadline.embedded.PostgresDatabases;


/** The PostgreSQL server the services share (one database each): embedded, or external via LEADLINE_DB_HOST. */
final class DatabaseServer implements AutoCloseable {

    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final AutoCloseable owned;

    private DatabaseServer(String host, int port, String username, String password, AutoCloseable owned) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
        this.owned = owned;
    }

    static DatabaseServer embedded(int port) {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(port);
        return new DatabaseServer(server.host(), server.port(), server.username(), server.password(), server);
    }

    static DatabaseServer external(DatabaseAddress address) {
        return new DatabaseServer(address.host(), address.port(), address.user(), address.password(), null);
    }

    void createDatabase(String name) {
        new PostgresDatabases(jdbcUrl("postgres"), username, password).createIfMissing(name);
    }

    String jdbcUrl(String database) {
        return "jdbc:" + reactiveUrl(database);
    }

    String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    /** For the banner and psql users: {@code postgresql://user@host:port}. */
    String serverUrl() {
        return "postgresql://" + username + "@" + host + ":" + port;
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    String username() {
        return username;
    }

    String password() {
        return password;
    }

    @Override
    public void close() throws Exception {
        if (owned != null) {
            owned.close();
        }
    }
}
