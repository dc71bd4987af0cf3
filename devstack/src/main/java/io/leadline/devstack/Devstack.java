package io.leadline.devstack;

import io.leadline.embedded.EmbeddedSmtpServer;
import io.leadline.embedded.FreePorts;
import io.leadline.embedded.KeyPairFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;

/** Starts the whole local stack: PostgreSQL, Kafka, internal JWT keys, the five services, a demo organization. */
public final class Devstack {

    /**
     * LEADLINE_START_ONE_BY_ONE=true starts each service only once the previous one is ready: slower, but each
     * service's time to ready is then its own, not a share of two cores with four other JVMs (the bench uses it).
     */
    private static final boolean ONE_BY_ONE = Boolean.parseBoolean(System.getenv("LEADLINE_START_ONE_BY_ONE"));

    private final DevstackOptions options;
    private final StackParts parts;
    private final Map<String, Duration> startupTimes = new LinkedHashMap<>();
    // the common pool has a single thread on a 2-core machine, which would serialize everything below
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "devstack-start");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private Devstack(DevstackOptions options) {
        this.options = options;
        this.parts = new StackParts(options.verbose());
    }

    public static void main(String[] args) throws InterruptedException {
        DevstackOptions options = DevstackOptions.defaults();
        if (List.of(args).contains("--infra-only")) {
            options = options.withServices(false, false);
        }
        long started = System.nanoTime();
        RunningStack stack;
        try {
            stack = start(options);
        } catch (RuntimeException e) {
            System.err.println("\ndevstack failed to start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Banner.print(stack, options, Duration.ofNanos(System.nanoTime() - started));
        // the shutdown hook registered by the stack does the stopping on Ctrl-C / SIGTERM
        Thread.currentThread().join();
    }

    public static RunningStack start(DevstackOptions options) {
        Devstack devstack = new Devstack(options);
        try {
            return devstack.run();
        } catch (RuntimeException e) {
            devstack.parts.close();
            throw unwrap(e);
        } finally {
            devstack.workers.shutdownNow();
        }
    }

    private RunningStack run() {
        List<ServiceModule> modules = options.startServices() ? List.of(ServiceModule.values()) : List.of();
        requireRunnerJars(modules);
        Path logs = createDirectories(options.workDir().resolve("logs"));

        CompletableFuture<DatabaseServer> database = async(() -> timed("PostgreSQL", this::openDatabase));
        CompletableFuture<KafkaCluster> kafka = async(() -> timed("Kafka", this::openKafka));
        KeyPairFiles keys = KeyPairFiles.generate(options.workDir().resolve("keys"));
        String operatorToken = options.operatorToken() != null ? options.operatorToken() : randomOperatorToken();
        if (operatorToken.strip().length() < MIN_OPERATOR_TOKEN_LENGTH) {
            // the gateway would refuse to start with it; say so before anything is started
            throw new IllegalArgumentException("LEADLINE_GATEWAY_OPERATOR_TOKEN must be at least "
                    + MIN_OPERATOR_TOKEN_LENGTH + " characters long (or unset, for a generated one)");
        }
        DatabaseServer db = keepWhenStarted(database, kafka);
        KafkaCluster cluster = kafka.join();
        // where activities-service sends email; a developer reads it over IMAP (the banner says how)
        EmbeddedSmtpServer smtp = timed("SMTP", () -> EmbeddedSmtpServer.startWithImap(0, 0));
        parts.addInfrastructure(smtp);

        Map<ServiceModule, Integer> ports = new EnumMap<>(ServiceModule.class);
        modules.forEach(module -> ports.put(module, FreePorts.orPick(options.portOf(module))));
        // health and metrics answer on each service's management interface, a port of its own
        Map<ServiceModule, Integer> managementPorts = new EnumMap<>(ServiceModule.class);
        modules.forEach(module -> managementPorts.put(module, FreePorts.pick()));
        Function<ServiceModule, Map<String, String>> environmentOf = module -> ServiceEnvironment.of(module, ports,
                managementPorts.get(module), db, cluster, keys, operatorToken, smtp);
        migrateAll(modules, environmentOf, logs);
        Map<ServiceModule, ServiceProcess> services = new EnumMap<>(ServiceModule.class);
        for (ServiceModule module : modules) {
            ServiceProcess process = ServiceProcess.launch(module, module.runnerJar(options.projectRoot()),
                    options.jvmOptions(), environmentOf.apply(module), logs.resolve(module.directory() + ".log"),
                    ports.get(module), managementPorts.get(module));
            parts.addService(process);
            services.put(module, process);
            if (ONE_BY_ONE) {
                awaitAllReady(List.of(process));
            }
        }
        if (!ONE_BY_ONE) {
            awaitAllReady(services.values());
        }

        String apiKey = options.seedDemo() && services.containsKey(ServiceModule.GATEWAY)
                ? DemoSeeder.seed(http, services.get(ServiceModule.GATEWAY).url(), operatorToken)
                : null;
        Map<String, Duration> times = Collections.unmodifiableMap(new LinkedHashMap<>(startupTimes));
        return new RunningStack(parts, services, db, cluster, smtp, operatorToken, apiKey, times, options.workDir());
    }

    /**
     * Every schema is migrated before any service starts, as Kubernetes init containers do (k8s/README.md), with the
     * service's own environment: the migrate run validates the service's whole configuration.
     */
    private void migrateAll(List<ServiceModule> modules, Function<ServiceModule, Map<String, String>> environment,
                            Path logs) {
        long started = System.nanoTime();
        List<CompletableFuture<Void>> migrations = new ArrayList<>();
        for (ServiceModule module : modules) {
            migrations.add(CompletableFuture.runAsync(() -> ServiceProcess.migrate(module,
                    module.runnerJar(options.projectRoot()), options.jvmOptions(), environment.apply(module),
                    logs.resolve(module.directory() + "-migrate.log"), options.readyTimeout()),
                    workers));
        }
        CompletableFuture.allOf(migrations.toArray(CompletableFuture[]::new)).join();
        if (!modules.isEmpty()) {
            record("migrations", Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** Creates the service databases too, so that this overlaps with Kafka's slower start. */
    private DatabaseServer openDatabase() {
        DatabaseServer server = options.externalDatabase() != null
                ? DatabaseServer.external(options.externalDatabase())
                : DatabaseServer.embedded(options.postgresPort());
        try {
            for (ServiceModule module : ServiceModule.values()) {
                server.createDatabase(module.database());
            }
            return server;
        } catch (RuntimeException e) {
            try {
                server.close();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private KafkaCluster openKafka() {
        return options.externalKafka() != null
                ? KafkaCluster.external(options.externalKafka())
                : KafkaCluster.embedded(options.kafkaPort());
    }

    /** Waits for both, so that a failure of one never leaves the other running unowned. */
    private DatabaseServer keepWhenStarted(CompletableFuture<DatabaseServer> database,
                                           CompletableFuture<KafkaCluster> kafka) {
        CompletableFuture.allOf(database, kafka).handle((ignored, failure) -> null).join();
        if (!database.isCompletedExceptionally()) {
            parts.addInfrastructure(database.join());
        }
        if (!kafka.isCompletedExceptionally()) {
            parts.addInfrastructure(kafka.join());
        }
        return database.join();
    }

    /** Fails as soon as any service fails, instead of after the slowest one's timeout. */
    private void awaitAllReady(Iterable<ServiceProcess> services) {
        CompletableFuture<Void> firstFailure = new CompletableFuture<>();
        List<CompletableFuture<Void>> readiness = new ArrayList<>();
        for (ServiceProcess service : services) {
            CompletableFuture<Void> ready = async(() -> service.awaitReady(http, options.readyTimeout()))
                    .thenAccept(took -> record(service.module().directory(), took));
            ready.whenComplete((ignored, failure) -> {
                if (failure != null) {
                    firstFailure.completeExceptionally(failure);
                }
            });
            readiness.add(ready);
        }
        CompletableFuture.anyOf(CompletableFuture.allOf(readiness.toArray(CompletableFuture[]::new)), firstFailure)
                .join();
    }

    private <T> T timed(String what, Supplier<T> starter) {
        long started = System.nanoTime();
        T result = starter.get();
        record(what, Duration.ofNanos(System.nanoTime() - started));
        return result;
    }

    private synchronized void record(String what, Duration took) {
        startupTimes.put(what, took);
        if (options.verbose()) {
            System.out.printf("  %-20s ready in %.1f s%n", what, took.toMillis() / 1000.0);
        }
    }

    private <T> CompletableFuture<T> async(Supplier<T> task) {
        return CompletableFuture.supplyAsync(task, workers);
    }

    private void requireRunnerJars(List<ServiceModule> modules) {
        for (ServiceModule module : modules) {
            Path jar = module.runnerJar(options.projectRoot());
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(module.directory() + " is not built: " + jar + " is missing. "
                        + "Build first: ./mvnw -B -q install -DskipTests (or ./run --build)");
            }
        }
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /** The gateway's own minimum (gateway/README.md). */
    private static final int MIN_OPERATOR_TOKEN_LENGTH = 32;

    private static String randomOperatorToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return "op_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static RuntimeException unwrap(RuntimeException e) {
        Throwable cause = e;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof RuntimeException runtime ? runtime : e;
    }
}
