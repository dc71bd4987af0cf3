package io.leadline.systemtests;

import io.leadline.devstack.Devstack;
import io.leadline.devstack.DevstackOptions;
import io.leadline.devstack.RunningStack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The real stack every system test talks to: embedded PostgreSQL and Kafka plus the five services as processes,
 * started once per test JVM by devstack, exactly as {@code ./run} starts it, on free ports.
 */
final class Stack {

    /** Small enough that a test can exceed it quickly, large enough that no other test comes near it. */
    static final int KEY_RATE_LIMIT = 60;
    static final int RATE_WINDOW_SECONDS = 10;

    private static RunningStack running;

    private Stack() {
    }

    static synchronized RunningStack get() {
        if (running == null) {
            DevstackOptions defaults = DevstackOptions.forTests();
            List<String> jvmOptions = new ArrayList<>(defaults.jvmOptions());
            jvmOptions.add("-Dleadline.gateway.rate-limit.key-limit=" + KEY_RATE_LIMIT);
            jvmOptions.add("-Dleadline.gateway.rate-limit.window=" + RATE_WINDOW_SECONDS + "s");
            // webhooks (WebhooksIT): retries within a second, a subscription failing for 8 s pauses (production: 3 days),
            // a delivery claimed by a killed events-service is claimed again after 6 s
            jvmOptions.add("-Dleadline.webhooks.initial-backoff=200ms");
            jvmOptions.add("-Dleadline.webhooks.max-backoff=1s");
            jvmOptions.add("-Dleadline.webhooks.pause-after=8s");
            jvmOptions.add("-Dleadline.webhooks.timeout=3s");
            jvmOptions.add("-Dleadline.webhooks.lease=6s");
            // Generous: five JVMs booting at once on two cores take a while when the machine is busy.
            running = Devstack.start(defaults.withJvmOptions(jvmOptions).withReadyTimeout(Duration.ofMinutes(4)));
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, "system-tests-stack-stop"));
        }
        return running;
    }
}
