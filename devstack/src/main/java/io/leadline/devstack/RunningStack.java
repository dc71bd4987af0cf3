package io.leadline.devstack;

import io.leadline.embedded.EmbeddedSmtpServer;
import jakarta.mail.internet.MimeMessage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A started stack. Closing it stops the services, then Kafka, then PostgreSQL (embedded ones only). */
public final class RunningStack implements AutoCloseable {

    private final StackParts parts;
    private final Map<ServiceModule, ServiceProcess> services;
    private final DatabaseServer database;
    private final KafkaCluster kafka;
    private final EmbeddedSmtpServer smtp;
    private final String operatorToken;
    private final String demoApiKey;
    private final Map<String, Duration> startupTimes;
    private final Path workDir;

    RunningStack(StackParts parts, Map<ServiceModule, ServiceProcess> services, DatabaseServer database,
                 KafkaCluster kafka, EmbeddedSmtpServer smtp, String operatorToken, String demoApiKey, Map<String, Duration> startupTimes,
                 Path workDir) {
        this.parts = parts;
        this.services = new java.util.concurrent.ConcurrentHashMap<>(services);
        this.database = database;
        this.kafka = kafka;
        this.smtp = smtp;
        this.operatorToken = operatorToken;
        this.demoApiKey = demoApiKey;
        this.startupTimes = startupTimes;
        this.workDir = workDir;
    }

    public String gatewayUrl() {
        return serviceUrl(ServiceModule.GATEWAY.directory());
    }

    /** @param module directory name ("crm-core-service") or short name ("crm-core") */
    public String serviceUrl(String module) {
        return service(module).url();
    }

    public Path logFile(String module) {
        return service(module).logFile();
    }

    /** Null when the stack was started without seeding. */
    public String demoApiKey() {
        return demoApiKey;
    }

    public String operatorToken() {
        return operatorToken;
    }

    /** {@code postgresql://user@host:port} of the server the service databases live on. */
    public String dbUrl() {
        return database.serverUrl();
    }

    public String jdbcUrl(String database) {
        return this.database.jdbcUrl(database);
    }

    public String dbUsername() {
        return database.username();
    }

    public String dbPassword() {
        return database.password();
    }

    public String kafkaBootstrap() {
        return kafka.bootstrapServers();
    }

    /** The stack's SMTP server, where activities-service sends email: {@code host:port}. */
    public String smtpAddress() {
        return smtp.host() + ":" + smtp.port();
    }

    /** Its IMAP side, where a mail client reads what was sent: {@code host:port}. */
    public String imapAddress() {
        return smtp.host() + ":" + smtp.imapPort();
    }

    /** Every email the stack sent so far, oldest first. */
    public List<MimeMessage> sentMail() {
        return smtp.receivedMessages();
    }

    /** Takes the embedded Kafka down, keeping its data (outage tests). */
    public void stopKafka() {
        kafka.embeddedBroker().stop();
    }

    /** Brings the embedded Kafka back on the same port with the same data. */
    public void restartKafka() {
        kafka.embeddedBroker().restart();
    }

    /** Kills a service with SIGKILL (crash tests): nothing of its graceful shutdown runs. */
    public void killService(String module) {
        service(module).kill();
    }

    /** Starts a killed service again, as it was, and waits until it is ready. */
    public void restartService(String module, Duration readyTimeout) {
        ServiceProcess restarted = service(module).relaunch();
        parts.addService(restarted);
        services.put(restarted.module(), restarted);
        restarted.awaitReady(java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build(),
                readyTimeout);
    }

    public Path workDir() {
        return workDir;
    }

    /** Time to ready per part ("PostgreSQL", "Kafka", module directory names), in start order. */
    public Map<String, Duration> startupTimes() {
        return startupTimes;
    }

    @Override
    public void close() {
        parts.close();
    }

    private ServiceProcess service(String module) {
        ServiceProcess process = ServiceModule.named(module).map(services::get).orElse(null);
        if (process == null) {
            throw new IllegalArgumentException("no running service " + module + "; running: " + services.keySet());
        }
        return process;
    }
}
