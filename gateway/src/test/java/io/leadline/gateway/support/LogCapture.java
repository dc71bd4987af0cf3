package io.leadline.gateway.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects what the application logs while a test runs (Quarkus routes every logger through the JUL root). */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture() {
        setLevel(Level.ALL);
        Logger.getLogger("").addHandler(this);
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    /** Warnings and errors, as "LEVEL logger: message" lines, so a failing assertion shows what was logged. */
    public List<String> warningsAndErrors() {
        return records.stream()
                .filter(record -> record.getLevel().intValue() >= Level.WARNING.intValue())
                .map(record -> record.getLevel() + " " + record.getLoggerName() + ": " + record.getMessage()
                        + (record.getThrown() == null ? "" : " " + record.getThrown()))
                .toList();
    }

    public boolean anyMessageContains(String text) {
        return records.stream().anyMatch(record -> String.valueOf(record.getMessage()).contains(text));
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
