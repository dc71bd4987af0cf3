package io.leadline.events.eventlog;

import io.leadline.platform.events.ConsumedEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.pgclient.PgException;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Stores every domain event of every service in the event log, as received. Kafka delivers at least once; the
 * insert ignores an id it already has, so a redelivery changes nothing.
 */
@ApplicationScoped
public class DomainEventConsumer {

    static final String CHANNEL = "domain-events-in";
    private static final Logger LOG = Logger.getLogger(DomainEventConsumer.class);
    private static final int STORE_ATTEMPTS = 5;

    @Inject
    EventRepository repository;

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> message) {
        return Uni.createFrom().item(() -> StoredEvent.from(ConsumedEvent.parse(message.getPayload())))
                .chain(event -> repository.insertIfAbsent(event)
                        // a database hiccup is worth waiting for; a record that is not an event never will be
                        .onFailure(DomainEventConsumer::isTransient).retry()
                        .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(STORE_ATTEMPTS - 1))
                .onItemOrFailure().transformToUni((stored, failure) -> failure == null
                        ? Uni.createFrom().completionStage(message.ack())
                        : deadLetter(message, failure));
    }

    /** Data errors (SQLSTATE class 22, e.g. a \u0000 in jsonb) fail the same way every time; others may pass later. */
    private static boolean isTransient(Throwable failure) {
        return !(failure instanceof PgException pg && pg.getSqlState() != null && pg.getSqlState().startsWith("22"));
    }

    /**
     * Nacks the record so the connector's dead-letter strategy moves it aside and the partition goes on. It goes to
     * {@code <source topic>.dlq} (ARCHITECTURE §4), so each producer's rejects stay apart.
     */
    private Uni<Void> deadLetter(Message<String> message, Throwable failure) {
        LOG.warnf("Event log could not store a record, dead-lettering it: %s", failure.getMessage());
        Metadata routing = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(incoming -> Metadata.of(OutgoingKafkaRecordMetadata.builder()
                        .withTopic(incoming.getTopic() + ".dlq").build()))
                .orElse(Metadata.empty());
        return Uni.createFrom().completionStage(message.nack(failure, routing));
    }
}
