package io.leadline.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service as a child JVM running its Quarkus fast-jar, with stdout and stderr in a log file. */
final class ServiceProcess {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(150);
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(10);
    private static final int LOG_TAIL_LINES = 60;
    /** Written by {@code ./mvnw package -Dquarkus.package.jar.appcds.enabled=true}; used when present. */
    private static final String APPCDS_ARCHIVE = "app-cds.jsa";

    private final ServiceModule module;
    private final Process process;
    private final Path logFile;
    private final int port;
    private final int managementPort;
    private final long launchedAtNanos;
    /** What it was launched with, for {@link #relaunch()}; null for a migration run. */
    private final Runnable relauncher;
    private ServiceProcess relaunched;

    private ServiceProcess(ServiceModule module, Process process, Path logFile, int port, int managementPort,
                           Runnable relauncher) {
        this.module = module;
        this.process = process;
        this.logFile = logFile;
        this.port = port;
        this.managementPort = managementPort;
        this.launchedAtNanos = System.nanoTime();
        this.relauncher = relauncher;
    }

    private ServiceProcess(ServiceModule module, Process process, Path logFile, int port, int managementPort) {
        this(module, process, logFile, port, managementPort, null);
    }

    static ServiceProcess launch(ServiceModule module, Path jar, List<String> jvmOptions,
                                 Map<String, String> environment, Path logFile, int port, int managementPort) {
        return launch(module, jar, jvmOptions, environment, logFile, port, managementPort,
                ProcessBuilder.Redirect.to(logFile.toFile()));
    }

    private static ServiceProcess launch(ServiceModule module, Path jar, List<String> jvmOptions,
                                         Map<String, String> environment, Path logFile, int port,
                                         int managementPort, ProcessBuilder.Redirect output) {
        Process process = start(module, jar, jvmOptions, environment, output);
        ServiceProcess[] self = new ServiceProcess[1];
        self[0] = new ServiceProcess(module, process, logFile, port, managementPort, () -> self[0].relaunched =
                launch(module, jar, jvmOptions, environment, logFile, port, managementPort,
                        ProcessBuilder.Redirect.appendTo(logFile.toFile())));
        return self[0];
    }

    /** Kills the process at once (SIGKILL: no shutdown hook runs), as a crashed machine would, and waits for it. */
    void kill() {
        try {
            process.destroyForcibly().waitFor(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The same service started again, with the same ports, options and environment; its log goes on. */
    ServiceProcess relaunch() {
        if (relauncher == null) {
            throw new IllegalStateException(module.directory() + " cannot be relaunched");
        }
        relauncher.run();
        return relaunched;
    }

    /**
     * Runs the service's migrations the way a Kubernetes init container does: the same jar with
     * {@code quarkus.init-and-exit}, so Flyway runs and the JVM exits before anything else starts.
     */
    static void migrate(ServiceModule module, Path jar, List<String> jvmOptions, Map<String, String> environment,
                        Path logFile, Duration timeout) {
        Map<String, String> migrateEnvironment = new java.util.LinkedHashMap<>(environment);
        migrateEnvironment.put("QUARKUS_INIT_AND_EXIT", "true");
        migrateEnvironment.put("QUARKUS_FLYWAY_MIGRATE_AT_START", "true");
        Process process = start(module, jar, jvmOptions, migrateEnvironment,
                ProcessBuilder.Redirect.to(logFile.toFile()));
        ServiceProcess migration = new ServiceProcess(module, process, logFile, 0, 0);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw migration.failure("did not finish migrating within " + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while migrating " + module.directory(), e);
        }
        if (process.exitValue() != 0) {
            throw migration.failure("migration exited with code " + process.exitValue());
        }
    }

    private static Process start(ServiceModule module, Path jar, List<String> jvmOptions,
                                 Map<String, String> environment, ProcessBuilder.Redirect output) {
        List<String> command = command(jar, jvmOptions);
        requireNoSecrets(command, environment);
        Path appDirectory = jar.getParent();
        ProcessBuilder builder = new ProcessBuilder(command)
                // The JVM uses an AppCDS archive only when started the way Quarkus built it: from the app's
                // directory, with relative paths. That directory holds no config/ or .env to leak in either.
                .directory(appDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output);
        builder.environment().putAll(environment);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch " + module.directory(), e);
        }
    }

    /** The child's command line: the JVM, its options and the jar; never configuration, which is environment. */
    static List<String> command(Path jar, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        if (Files.isRegularFile(jar.getParent().resolve(APPCDS_ARCHIVE))) {
            command.add("-XX:SharedArchiveFile=" + APPCDS_ARCHIVE);
        }
        command.add("-jar");
        command.add(jar.getFileName().toString());
        return command;
    }

    /**
     * Refuses a command line that carries a secret of the environment (LEADLINE_JVM_OPTS could smuggle one in as a
     * -D option): every user of the machine can read command lines with {@code ps}.
     */
    static void requireNoSecrets(List<String> command, Map<String, String> environment) {
        environment.forEach((name, value) -> {
            boolean secret = name.endsWith("_PASSWORD") || name.endsWith("_TOKEN") || name.endsWith("_SECRET");
            if (secret && value != null && !value.isEmpty()
                    && command.stream().anyMatch(argument -> argument.contains(value))) {
                throw new IllegalArgumentException("the command line of a service would carry " + name
                        + " (visible in ps); pass it in the environment only");
            }
        });
    }

    /** @return time from launch to the first 200 on /q/health/ready (on the management interface) */
    Duration awaitReady(HttpClient http, Duration timeout) {
        HttpRequest probe = HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = launchedAtNanos + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw failure("exited with code " + process.exitValue() + " before it was ready");
            }
            if (answersReady(http, probe)) {
                return Duration.ofNanos(System.nanoTime() - launchedAtNanos);
            }
            sleep(POLL_INTERVAL);
        }
        throw failure("was not ready within " + timeout.toSeconds() + " s");
    }

    void requestStop() {
        process.destroy();
    }

    void awaitStop() {
        try {
            if (!process.waitFor(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    ServiceModule module() {
        return module;
    }

    Path logFile() {
        return logFile;
    }

    private static boolean answersReady(HttpClient http, HttpRequest probe) {
        try {
            return http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for readiness", e);
        }
    }

    private IllegalStateException failure(String what) {
        return new IllegalStateException(module.directory() + " " + what + ". Log: " + logFile
                + "\n----- last lines of " + logFile.getFileName() + " -----\n" + logTail());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for readiness", e);
        }
    }
}
