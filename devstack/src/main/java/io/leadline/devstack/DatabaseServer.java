package io.leadline.devstack;

import io.leadline.platform.testing.EmbeddedPostgresServer;
import io.leadline.platform.testing.PostgresDatabases;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** The PostgreSQL server the services share (one database each): embedded, or external via LEADLINE_DB_URL. */
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

    /** @param url {@code postgresql://user:password@host:port}, without a database: devstack creates its own */
    static DatabaseServer external(String url) {
        URI uri = URI.create(url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url);
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalArgumentException("LEADLINE_DB_URL must look like postgresql://user:password@host:port, got "
                    + url);
        }
        String userInfo = uri.getRawUserInfo() == null ? "postgres:" : uri.getRawUserInfo();
        int colon = userInfo.indexOf(':');
        String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        String password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        return new DatabaseServer(uri.getHost(), port, user, password, null);
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

    /** Same form as LEADLINE_DB_URL, so it can be handed to another devstack or a psql user. */
    String serverUrl() {
        return "postgresql://" + username + ":" + password + "@" + host + ":" + port;
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

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }
}
