package io.leadline.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What operators watch of the outbox (Prometheus names in brackets):
 * <ul>
 *   <li>{@value #PARKED} [{@code leadline_outbox_parked_total}], tagged {@code topic} and {@code reason} (the Kafka
 *   exception's class): rows set aside because Kafka refused them for good. Any increase wants a look.</li>
 *   <li>{@value #PARKED_ROWS} [{@code leadline_outbox_parked_rows}]: parked rows now in the table, until an operator
 *   re-drives or deletes them.</li>
 *   <li>{@value #PENDING_ROWS} [{@code leadline_outbox_pending_rows}]: rows waiting to be sent; a value that keeps
 *   growing means the relay cannot reach Kafka.</li>
 * </ul>
 */
@ApplicationScoped
@IfBuildProperty(name = OutboxConfig.ENABLED, stringValue = "true", enableIfMissing = true)
public class OutboxMetrics {

    static final String PARKED = "leadline.outbox.parked";
    static final String PARKED_ROWS = "leadline.outbox.parked.rows";
    static final String PENDING_ROWS = "leadline.outbox.pending.rows";

    @Inject
    MeterRegistry registry;

    private final AtomicLong parkedRows = new AtomicLong();
    private final AtomicLong pendingRows = new AtomicLong();

    @PostConstruct
    void register() {
        Gauge.builder(PARKED_ROWS, parkedRows, AtomicLong::get)
                .description("Outbox rows Kafka refused for good, waiting for an operator").register(registry);
        Gauge.builder(PENDING_ROWS, pendingRows, AtomicLong::get)
                .description("Outbox rows waiting to be sent to Kafka").register(registry);
    }

    void parked(String topic, String reason) {
        Counter.builder(PARKED).description("Outbox rows parked because Kafka refused them for good")
                .tag("topic", topic).tag("reason", reasonTag(reason)).register(registry).increment();
    }

    void rows(long parked, long pending) {
        parkedRows.set(parked);
        pendingRows.set(pending);
    }

    /** The exception's class only (the reason starts with it): a bounded set of tag values. */
    private static String reasonTag(String reason) {
        int colon = reason.indexOf(':');
        return colon < 0 ? reason : reason.substring(0, colon);
    }
}
