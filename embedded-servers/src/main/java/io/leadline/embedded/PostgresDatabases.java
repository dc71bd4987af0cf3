package io.leadline.embedded;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/** Database-level DDL against any PostgreSQL server, embedded or external, through its maintenance database. */
public final class PostgresDatabases {

    private static final Pattern SAFE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";
    private static final String UNIQUE_VIOLATION = "23505";

    private final String maintenanceJdbcUrl;
    private final String username;
    private final String password;

    /** @param maintenanceJdbcUrl JDBC URL of a database that always exists, normally {@code postgres} */
    public PostgresDatabases(String maintenanceJdbcUrl, String username, String password) {
        this.maintenanceJdbcUrl = maintenanceJdbcUrl;
        this.username = username;
        this.password = password;
    }

    /** Safe to call concurrently and repeatedly: losing a creation race to another caller counts as success. */
    public void createIfMissing(String name) {
        requireSafeName(name);
        try (Connection connection = connect()) {
            if (exists(connection, name)) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("create database \"" + name + "\"");
            }
        } catch (SQLException e) {
            if (!DUPLICATE_DATABASE.equals(e.getSQLState()) && !UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new IllegalStateException("cannot create database " + name + " via " + maintenanceJdbcUrl, e);
            }
        }
    }

    /** Best effort: a pool that is still open must not make a test fail at clean-up. */
    public void dropQuietly(String name) {
        requireSafeName(name);
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists \"" + name + "\" with (force)");
        } catch (SQLException ignored) {
            // leftover databases die with the server's data directory
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(maintenanceJdbcUrl, username, password);
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            query.setString(1, name);
            return query.executeQuery().next();
        }
    }

    private static void requireSafeName(String name) {
        if (!SAFE_NAME.matcher(name).matches()) {
            // the name is spliced into DDL, which cannot take bind parameters
            throw new IllegalArgumentException("unsafe database name: " + name);
        }
    }
}
