package io.leadline.platform.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what the service under test logs (a {@code @QuarkusTest} runs it in the test's JVM, and Quarkus logs
 * through java.util.logging's root logger), so a test can assert that something was never logged, e.g. Hibernate
 * Reactive's session misuse warnings under concurrency. Use in try-with-resources; closing detaches it.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger root = Logger.getLogger("");
    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

    private LogCapture() {
        setLevel(Level.ALL);
    }

    /** Starts capturing every record of level INFO and above. */
    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        capture.root.addHandler(capture);
        return capture;
    }

    /** Every captured line (level, logger, message, parameters, exception chain) that contains one of the markers. */
    public List<String> containing(String... markers) {
        List<String> found = new ArrayList<>();
        for (String line : lines) {
            for (String marker : markers) {
                if (line.contains(marker)) {
                    found.add(line);
                    break;
                }
            }
        }
        return found;
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null || record.getLevel().intValue() < Level.INFO.intValue()) {
            return;
        }
        StringBuilder line = new StringBuilder()
                .append(record.getLevel().getName().toUpperCase(Locale.ROOT)).append(' ')
                .append(record.getLoggerName()).append(": ")
                .append(record.getMessage());
        Object[] parameters = record.getParameters();
        if (parameters != null) {
            for (Object parameter : parameters) {
                line.append(" | ").append(parameter);
            }
        }
        for (Throwable cause = record.getThrown(); cause != null; cause = cause.getCause()) {
            line.append(" <- ").append(cause);
            if (cause.getCause() == cause) {
                break;
            }
        }
        lines.add(line.toString());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
    }
}
