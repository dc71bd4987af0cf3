package io.leadline.devstack;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Everything started so far, stopped in dependency order: services first (they hold connections), then
 * infrastructure in reverse start order. Also used to clean up a start that failed half-way.
 */
final class StackParts {

    private final List<ServiceProcess> services = new ArrayList<>();
    private final Deque<AutoCloseable> infrastructure = new ArrayDeque<>();
    private final Thread shutdownHook = new Thread(this::stop, "devstack-stop");
    private final boolean verbose;
    private boolean stopped;

    StackParts(boolean verbose) {
        this.verbose = verbose;
        // children outlive a JVM that exits without close(); Ctrl-C on ./run relies on this hook as well
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    synchronized void addService(ServiceProcess service) {
        services.add(service);
    }

    synchronized void addInfrastructure(AutoCloseable closeable) {
        infrastructure.push(closeable);
    }

    void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is what is running us
        }
    }

    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        boolean anythingStarted = !services.isEmpty() || !infrastructure.isEmpty();
        long started = System.nanoTime();
        // all children get SIGTERM at once, so their graceful shutdowns overlap
        services.forEach(ServiceProcess::requestStop);
        services.forEach(ServiceProcess::awaitStop);
        while (!infrastructure.isEmpty()) {
            closeQuietly(infrastructure.pop());
        }
        if (verbose && anythingStarted) {
            System.out.printf("Leadline stopped in %.1f s%n", (System.nanoTime() - started) / 1e9);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("devstack: stopping " + closeable + " failed: " + e);
        }
    }
}
