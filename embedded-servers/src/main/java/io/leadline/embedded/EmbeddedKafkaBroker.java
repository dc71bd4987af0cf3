package io.leadline.embedded;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A single-node KRaft Kafka (combined broker + controller) inside this JVM. Its version is the BOM's kafka-clients
 * version: a different kafka_2.13 on the same classpath breaks at start (see recipes/kafka-and-keycloak.md).
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    /** The largest record batch a topic accepts: 1 MiB of records plus the batch header. */
    public static final int MAX_MESSAGE_BYTES = 1_048_588;

    private final Properties properties;
    private final Path logDirectory;
    private final int port;
    private KafkaRaftServer server;

    private EmbeddedKafkaBroker(KafkaRaftServer server, Properties properties, Path logDirectory, int port) {
        this.server = server;
        this.properties = properties;
        this.logDirectory = logDirectory;
        this.port = port;
    }

    public static EmbeddedKafkaBroker start(int port) {
        return start(port, 0);
    }

    /** Ports of 0 are replaced by free ones; the log directory is temporary and deleted on close. */
    public static EmbeddedKafkaBroker start(int brokerPort, int controllerPort) {
        int broker = FreePorts.orPick(brokerPort);
        int controller = FreePorts.orPick(controllerPort);
        Path logDirectory = createLogDirectory();
        try {
            Properties properties = brokerProperties(broker, controller, logDirectory);
            format(properties, logDirectory);
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
            // returns once the broker answers requests
            server.startup();
            return new EmbeddedKafkaBroker(server, properties, logDirectory, broker);
        } catch (RuntimeException e) {
            TempDirectories.deleteQuietly(logDirectory);
            throw new IllegalStateException("embedded Kafka did not start on port " + broker
                    + " (controller " + controller + ")", e);
        }
    }

    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    /** Takes the broker down, keeping its data, to test what clients do during a Kafka outage. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Brings a stopped broker back on the same ports with the same data. */
    public synchronized void restart() {
        if (server == null) {
            KafkaRaftServer restarted = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
            restarted.startup();
            server = restarted;
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            TempDirectories.deleteQuietly(logDirectory);
        }
    }

    private static Properties brokerProperties(int broker, int controller, Path logDirectory) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.bootstrap.servers", HOST + ":" + controller);
        p.setProperty("listeners", "PLAINTEXT://" + HOST + ":" + broker + ",CONTROLLER://" + HOST + ":" + controller);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + HOST + ":" + broker);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDirectory.toString());
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("num.partitions", "3");
        // Every auto-created topic's max.message.bytes: Kafka's default, stated because the services' producers
        // (max.request.size=1048576, platform's defaults) and the production topics (k8s/README.md) are sized to it.
        p.setProperty("message.max.bytes", String.valueOf(MAX_MESSAGE_BYTES));
        p.setProperty("offsets.topic.replication.factor", "1");
        // 50 offsets partitions (the default) make the first consumer group join take seconds
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "5");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        return p;
    }

    private static void format(Properties properties, Path logDirectory) {
        Path configFile = logDirectory.resolveSibling(logDirectory.getFileName() + ".properties");
        try {
            try (Writer writer = Files.newBufferedWriter(configFile)) {
                properties.store(writer, "embedded broker");
            }
            String[] arguments = {"format", "-t", Uuid.randomUuid().toString(), "-c", configFile.toString(),
                    "--standalone", "--ignore-formatted"};
            int exitCode = StorageTool.execute(arguments, new PrintStream(OutputStream.nullOutputStream()));
            if (exitCode != 0) {
                throw new IllegalStateException("kafka storage format exited with " + exitCode);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            TempDirectories.deleteQuietly(configFile);
        }
    }

    private static Path createLogDirectory() {
        try {
            return Files.createTempDirectory("leadline-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
