package io.leadline.platform.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what the service under test logs (a {@code @QuarkusTest} runs it in the test's JVM, and Quarkus logs
 * through java.util.logging's root logger), so a test can assert that something was never logged (Hibernate
 * Reactive's session misuse warnings under concurrency, an ERROR when a client hangs up) or that a DEBUG line was.
 * Use in try-with-resources; closing detaches it.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger root = Logger.getLogger("");
    private final ConcurrentLinkedQueue<Captured> lines = new ConcurrentLinkedQueue<>();

    private record Captured(Level level, String line) {
        boolean atLeast(Level threshold) {
            return level.intValue() >= threshold.intValue();
        }
    }

    private LogCapture() {
        setLevel(Level.ALL);
    }

    /** Starts capturing every record, whatever its level. */
    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        capture.root.addHandler(capture);
        return capture;
    }

    /**
     * Every captured line of level INFO and above (level, logger, message, parameters, exception chain) that contains
     * one of the markers.
     */
    public List<String> containing(String... markers) {
        List<String> found = new ArrayList<>();
        for (Captured captured : lines) {
            if (captured.atLeast(Level.INFO) && Arrays.stream(markers).anyMatch(captured.line()::contains)) {
                found.add(captured.line());
            }
        }
        return found;
    }

    /** Every captured warning and error, so a failing assertion shows what was logged. */
    public List<String> warningsAndErrors() {
        return lines.stream().filter(captured -> captured.atLeast(Level.WARNING)).map(Captured::line).toList();
    }

    /** Whether any line, of any level, contains the text. */
    public boolean anyMessageContains(String text) {
        return lines.stream().anyMatch(captured -> captured.line().contains(text));
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null) {
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
        lines.add(new Captured(record.getLevel(), line.toString()));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
    }
}
