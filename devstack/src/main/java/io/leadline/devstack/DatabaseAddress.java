package io.leadline.devstack;

/** An existing PostgreSQL server to use instead of the embedded one; devstack creates the service databases on it. */
public record DatabaseAddress(String host, int port, String user, String password) {

    private static final int DEFAULT_PORT = 5432;

    /** From LEADLINE_DB_HOST (and _PORT, _USER, _PASSWORD), the names the services read; null when no host is set. */
    static DatabaseAddress fromEnvironment() {
        String host = DevstackOptions.env("LEADLINE_DB_HOST");
        if (host == null) {
            return null;
        }
        String port = DevstackOptions.env("LEADLINE_DB_PORT");
        String user = DevstackOptions.env("LEADLINE_DB_USER");
        String password = System.getenv("LEADLINE_DB_PASSWORD");
        return new DatabaseAddress(host, port == null ? DEFAULT_PORT : Integer.parseInt(port),
                user == null ? "postgres" : user, password == null ? "" : password);
    }
}
