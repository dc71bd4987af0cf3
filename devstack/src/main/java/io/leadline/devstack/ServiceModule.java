package io.leadline.devstack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** The five deployables, with their ./run ports and databases (ARCHITECTURE.md §1). */
public enum ServiceModule {
    GATEWAY("gateway", 8080, "leadline_gateway", "gateway"),
    CRM_CORE("crm-core-service", 8081, "leadline_core", "crm-core"),
    ACTIVITIES("activities-service", 8082, "leadline_activities", "activities"),
    COMMENTS("comments-service", 8083, "leadline_comments", "comments"),
    EVENTS("events-service", 8084, "leadline_events", "events");

    private final String directory;
    private final int defaultPort;
    private final String database;
    private final String shortName;

    ServiceModule(String directory, int defaultPort, String database, String shortName) {
        this.directory = directory;
        this.defaultPort = defaultPort;
        this.database = database;
        this.shortName = shortName;
    }

    public String directory() {
        return directory;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public String database() {
        return database;
    }

    /** The name the gateway's route table uses: {@code leadline.gateway.upstream.<shortName>}. */
    public String shortName() {
        return shortName;
    }

    public Path runnerJar(Path projectRoot) {
        return projectRoot.resolve(directory).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** Accepts the module directory ("crm-core-service") or the short name ("crm-core"). */
    public static Optional<ServiceModule> named(String name) {
        return Arrays.stream(values())
                .filter(module -> module.directory.equals(name) || module.shortName.equals(name))
                .findFirst();
    }
}
